import { catalogueLanguage, labelsFor } from "../labels/catalogue.js";
import type { Labels } from "../labels/labels.js";
import { fillText } from "../labels/phrase.js";
import { inZone, type PartialDate, startOf } from "./date.js";
import { englishDate, englishRange, isBritishEnglish } from "./format-english.js";
import { zoneAbbreviation } from "./zone.js";

/** The labels dates are written with: the words of rough dates, a time's and a span's form. */
export type DateLabels = Pick<
  Labels,
  | "earlyMonth"
  | "midMonth"
  | "lateMonth"
  | "earlyYear"
  | "midYear"
  | "lateYear"
  | "circa"
  | "dateTime"
  | "span"
>;

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

/**
 * The time of a timed date with its zone: "03:00 UTC+09:00" for an offset, "02:14 CET" for a
 * zone, "03:00:30 UTC"; the clock alone when the brief shows every time in one zone.
 */
function timeText(date: PartialDate, timezone: string | undefined): string {
  const zone = zoneText(date, timezone);
  return zone ? `${clockText(date)} ${zone}` : clockText(date);
}

/** What follows a time to say its zone: "UTC+09:00", "CET", or nothing. */
function zoneText(date: PartialDate, timezone: string | undefined): string {
  if (timezone !== undefined || !date.offset) return "";
  if (date.zone) return zoneAbbreviation(date.zone, startOf(date));
  return `UTC${date.offset === "Z" ? "" : date.offset}`;
}

function clockText(date: PartialDate): string {
  const seconds = date.second === undefined ? "" : `:${pad(date.second)}`;
  return `${pad(date.hour)}:${pad(date.minute)}${seconds}`;
}

type Precision = "year" | "month" | "day";

/** The date alone, no rough word or time: "19 June 2024", "2024년 6월", "1961". */
function plainDate(date: PartialDate, locale: string, precision: Precision): string {
  if (isBritishEnglish(locale)) return englishDate(date, precision);
  return evenSpaces(formatter(locale, precision).format(calendarDate(date)));
}

/**
 * Intl puts a narrow no-break space in some dates and not others ("2024 г." beside
 * "2024\u202fг."), which the deck's font sets so narrow that the words run together: a
 * no-break space of full width in its place.
 */
function evenSpaces(text: string): string {
  return text.replaceAll("\u202f", "\u00a0");
}

/**
 * The date a rough word goes before. Russian puts it in the genitive, as the month of a day
 * is written ("конец мая 2024 г.", not "конец май 2024 г."), and a year with its "г.".
 */
function roughBase(date: PartialDate, locale: string, precision: Precision): string {
  if (catalogueLanguage(locale) !== "ru" || precision === "day") {
    return plainDate(date, locale, precision);
  }
  if (precision === "year") return `${date.year} г.`;
  const day = formatter(locale, "day").formatToParts(calendarDate({ ...date, day: 1 }));
  return evenSpaces(
    day
      .filter((part) => part.type !== "day")
      .map((part) => part.value)
      .join("")
      .trim(),
  );
}

const roughKey = {
  early: { month: "earlyMonth", year: "earlyYear" },
  mid: { month: "midMonth", year: "midYear" },
  late: { month: "lateMonth", year: "lateYear" },
} as const;

/**
 * Writes a date for people, in the brief's language: "19 June 2024", "late May 2024", "1961".
 * With `timezone` (the brief's `timeline.timezone`) a time is written as that zone's clocks
 * showed it, its day too, and without a zone after it: the overview says the zone once.
 */
export function formatDate(
  written: PartialDate,
  language: string,
  labels: DateLabels = labelsFor(language),
  timezone?: string,
): string {
  const date = timezone ? inZone(written, timezone) : written;
  const locale = dateLocale(language);
  const precision = date.precision === "minute" ? "day" : date.precision;
  let text = date.approx ? roughBase(date, locale, precision) : plainDate(date, locale, precision);
  if (date.precision === "minute")
    text = fillText(labels.dateTime, { date: text, time: timeText(date, timezone) });
  if (date.approx === "circa") return fillText(labels.circa, { date: text });
  if (date.approx) {
    // The schema allows early, mid and late only for a year or a month.
    const key = roughKey[date.approx][precision === "year" ? "year" : "month"];
    return fillText(labels[key], { date: text });
  }
  return text;
}

/**
 * Writes a span: "6–10 July 1961" where the language allows it, else "start – end". With
 * `timezone`, both ends' times as that zone's clocks showed them (see `formatDate`).
 */
export function formatSpan(
  writtenStart: PartialDate,
  writtenEnd: PartialDate,
  language: string,
  labels: DateLabels = labelsFor(language),
  timezone?: string,
): string {
  const start = timezone ? inZone(writtenStart, timezone) : writtenStart;
  const end = timezone ? inZone(writtenEnd, timezone) : writtenEnd;
  const precision = start.precision;
  const exact = !start.approx && !end.approx && precision === end.precision;
  const sameZone = zoneText(start, timezone) === zoneText(end, timezone);
  if (exact && precision === "minute" && sameDay(start, end) && sameZone) {
    // "19 June 2024, 02:50 – 15:00 UTC+09:00": the day and the zone written once.
    const times = fillText(labels.span, {
      start: clockText(start),
      end: timeText(end, timezone),
    });
    const day = plainDate(start, dateLocale(language), "day");
    return fillText(labels.dateTime, { date: day, time: times });
  }
  if (exact && precision !== "minute") {
    const locale = dateLocale(language);
    if (isBritishEnglish(locale)) return englishRange(start, end, precision);
    const cjk = cjkRange(start, end, precision, locale, labels);
    if (cjk !== undefined) return cjk;
    const f = formatter(locale, precision);
    return evenSpaces(f.formatRange(calendarDate(start), calendarDate(end)));
  }
  return fillText(labels.span, {
    start: formatDate(start, language, labels, timezone),
    end: formatDate(end, language, labels, timezone),
  });
}

function sameDay(a: PartialDate, b: PartialDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/**
 * A span in Japanese or Chinese, written as their press writes it ("2024年5月19日～23日",
 * "2024年5月19日至7月2日"): Intl's ranges for them fall back to numerals ("2024/05/19～…").
 */
function cjkRange(
  start: PartialDate,
  end: PartialDate,
  precision: Precision,
  locale: string,
  labels: DateLabels,
): string | undefined {
  const language = catalogueLanguage(locale);
  if (language !== "ja" && language !== "zh-Hans" && language !== "zh-Hant") return undefined;
  const whole = (d: PartialDate) => plainDate(d, locale, precision);
  const sameYear = start.year === end.year;
  const sameMonth = sameYear && start.month === end.month;
  if (precision === "year" && sameYear) return whole(start);
  if (precision === "day" && sameMonth && start.day === end.day) return whole(start);
  if (precision === "month" && sameMonth) return whole(start);
  let tail: string | undefined;
  if (precision === "day" && sameMonth) tail = `${end.day}日`;
  else if (precision === "day" && sameYear) tail = `${end.month}月${end.day}日`;
  else if (precision === "month" && sameYear) tail = `${end.month}月`;
  return fillText(labels.span, { start: whole(start), end: tail ?? whole(end) });
}
