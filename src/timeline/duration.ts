import { type PartialDate, startOf } from "./date.js";
import { englishDuration, isBritishEnglish } from "./format-english.js";

/** A length of time in one unit, as people say it: "39 years", "9 months", "2 days". */
export interface Duration {
  unit: "year" | "month" | "day" | "hour";
  count: number;
}

const rank = { year: 0, month: 1, day: 2, minute: 3 } as const;

/**
 * The time from `a` to `b` in the largest whole unit, and never more precise than the less
 * precise of the two dates: from 1961 to 2000 is "39 years", not a count of days.
 */
export function durationBetween(a: PartialDate, b: PartialDate): Duration {
  const coarse = rank[a.precision] < rank[b.precision] ? a.precision : b.precision;
  if (coarse === "year") return { unit: "year", count: Math.abs(b.year - a.year) };
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (coarse !== "month" && b.day < a.day) months -= 1;
  if (months >= 12) return { unit: "year", count: Math.floor(months / 12) };
  if (months >= 1 || coarse === "month") return { unit: "month", count: Math.max(0, months) };
  // Two dates without a time are counted on the calendar: in a zone, a day the clocks changed
  // on has 23 or 25 hours.
  const calendar = a.precision !== "minute" && b.precision !== "minute";
  const instant = (d: PartialDate) => startOf(calendar ? { ...d, zone: undefined } : d);
  const ms = Math.abs(instant(b) - instant(a));
  const days = Math.floor(ms / 86_400_000);
  if (days >= 1 || coarse === "day") return { unit: "day", count: days };
  return { unit: "hour", count: Math.floor(ms / 3_600_000) };
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Writes a duration in the brief's language: "39 years", "1 month". */
export function formatDuration(duration: Duration, language: string): string {
  if (isBritishEnglish(language)) return englishDuration(duration.count, duration.unit);
  const key = `${language}|${duration.unit}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, {
      style: "unit",
      unit: duration.unit,
      unitDisplay: "long",
    });
    formatters.set(key, format);
  }
  const text = format.format(duration.count);
  // Japanese and Chinese write a count against its unit ("9か月", "9個月"); Intl puts a space.
  return /^(ja|zh)\b/i.test(language) ? text.replace(/(\d) (?=\S)/u, "$1") : text;
}
