import type { Approx, PartialDate } from "./date.js";
import { englishDate, englishRange, isBritishEnglish } from "./format-english.js";

type ApproxWords = Record<Approx, (date: string) => string>;

// Words for rough dates in the languages a brief is most often written in; others fall back to
// English words around a date written in their own language.
const approxWords: Record<string, ApproxWords> = {
  en: {
    early: (d) => `early ${d}`,
    mid: (d) => `mid-${d}`,
    late: (d) => `late ${d}`,
    circa: (d) => `c. ${d}`,
  },
  de: {
    early: (d) => `Anfang ${d}`,
    mid: (d) => `Mitte ${d}`,
    late: (d) => `Ende ${d}`,
    circa: (d) => `ca. ${d}`,
  },
  fr: {
    early: (d) => `début ${d}`,
    mid: (d) => `mi-${d}`,
    late: (d) => `fin ${d}`,
    circa: (d) => `vers ${d}`,
  },
  ko: {
    early: (d) => `${d} 초`,
    mid: (d) => `${d} 중순`,
    late: (d) => `${d} 하순`,
    circa: (d) => `${d}경`,
  },
  ja: {
    early: (d) => `${d}上旬`,
    mid: (d) => `${d}中旬`,
    late: (d) => `${d}下旬`,
    circa: (d) => `${d}頃`,
  },
};

/**
 * The locale used to write dates. Plain `en` writes day, month, year ("19 June 2024"), the
 * order most briefing styles use; `en-US` and other regional tags keep their own order.
 */
export function dateLocale(language: string): string {
  return language.toLowerCase() === "en" ? "en-GB" : language;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl's formatter for a precision of date; exported for the tests of format-english.ts. */
export function formatter(
  locale: string,
  precision: PartialDate["precision"],
): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let found = formatters.get(key);
  if (!found) {
    const parts: Intl.DateTimeFormatOptions =
      precision === "year"
        ? { year: "numeric" }
        : precision === "month"
          ? { year: "numeric", month: "long" }
          : { year: "numeric", month: "long", day: "numeric" };
    found = new Intl.DateTimeFormat(locale, { ...parts, timeZone: "UTC" });
    formatters.set(key, found);
  }
  return found;
}

/** The date as a Date at midnight UTC, whatever its year (`Date.UTC` reads 0–99 as 19xx). */
export function calendarDate(date: PartialDate): Date {
  const d = new Date(Date.UTC(2000, date.month - 1, date.day));
  d.setUTCFullYear(date.year);
  return d;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The time of a timed date as written, with its offset: "03:00 UTC+09:00", "03:00:30 UTC". */
function timeText(date: PartialDate): string {
  const seconds = date.second === undefined ? "" : `:${pad(date.second)}`;
  const time = `${pad(date.hour)}:${pad(date.minute)}${seconds}`;
  if (!date.offset) return time;
  return `${time} UTC${date.offset === "Z" ? "" : date.offset}`;
}

/** Writes a date for people, in the brief's language: "19 June 2024", "late May 2024", "1961". */
export function formatDate(date: PartialDate, language: string): string {
  const locale = dateLocale(language);
  const precision = date.precision === "minute" ? "day" : date.precision;
  let text = isBritishEnglish(locale)
    ? englishDate(date, precision)
    : formatter(locale, precision).format(calendarDate(date));
  if (date.precision === "minute") text = `${text}, ${timeText(date)}`;
  if (date.approx) {
    const words = approxWords[locale.split("-")[0]?.toLowerCase() ?? "en"] ?? approxWords.en;
    text = (words as ApproxWords)[date.approx](text);
  }
  return text;
}

/** Writes a span: "6–10 July 1961" where the language allows it, else "start – end". */
export function formatSpan(start: PartialDate, end: PartialDate, language: string): string {
  const precision = start.precision;
  if (!start.approx && !end.approx && precision === end.precision && precision !== "minute") {
    const locale = dateLocale(language);
    if (isBritishEnglish(locale)) return englishRange(start, end, precision);
    const f = formatter(locale, precision);
    return f.formatRange(calendarDate(start), calendarDate(end));
  }
  return `${formatDate(start, language)} – ${formatDate(end, language)}`;
}
