import type { PartialDate } from "./date.js";

// Dates and durations in the default language, British English, written from a table rather
// than by Intl: the first Intl formatter of a process costs ICU loading its data, a good part
// of what a whole `build --no-pdf` takes (see docs/performance.md). The text is what Intl writes (Node 20's ICU,
// thin spaces around the dash of a range included); test/timeline/format-english.test.ts holds
// the two to each other for every kind of date, span and duration.

const months = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const dash = "\u2009–\u2009";

/** True for the languages this file writes: `en` (which dates write as en-GB) and `en-GB`. */
export function isBritishEnglish(locale: string): boolean {
  const tag = locale.toLowerCase();
  return tag === "en" || tag === "en-gb";
}

type Precision = "year" | "month" | "day";

const month = (date: PartialDate) => months[date.month - 1] as string;

/** "1961", "July 1961", "6 July 1961", as `Intl.DateTimeFormat("en-GB")` writes them. */
export function englishDate(date: PartialDate, precision: Precision): string {
  if (precision === "year") return String(date.year);
  if (precision === "month") return `${month(date)} ${date.year}`;
  return `${date.day} ${month(date)} ${date.year}`;
}

/** "6 – 10 July 1961", "30 June – 2 July 1961", "1961 – 1962", as `formatRange` writes them. */
export function englishRange(start: PartialDate, end: PartialDate, precision: Precision): string {
  const sameYear = start.year === end.year;
  const sameMonth = sameYear && start.month === end.month;
  if (precision === "year") {
    return sameYear ? String(start.year) : `${start.year}${dash}${end.year}`;
  }
  if (precision === "month") {
    if (sameMonth) return englishDate(start, "month");
    if (sameYear) return `${month(start)}${dash}${month(end)} ${end.year}`;
  } else {
    if (sameMonth && start.day === end.day) return englishDate(start, "day");
    if (sameMonth) return `${start.day}${dash}${end.day} ${month(end)} ${end.year}`;
    if (sameYear) return `${start.day} ${month(start)}${dash}${end.day} ${month(end)} ${end.year}`;
  }
  return `${englishDate(start, precision)}${dash}${englishDate(end, precision)}`;
}

/** "1 year", "39 years", "1,200 days", as `Intl.NumberFormat("en", { style: "unit" })` writes. */
export function englishDuration(count: number, unit: string): string {
  const digits = String(count).replace(/\B(?=(\d{3})+$)/g, ",");
  return `${digits} ${unit}${count === 1 ? "" : "s"}`;
}
