import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PartialDate } from "../../src/timeline/date.js";
import { calendarDate, formatter } from "../../src/timeline/format-date.js";
import {
  englishDate,
  englishDuration,
  englishRange,
  isBritishEnglish,
} from "../../src/timeline/format-english.js";

// The table must write exactly what Intl writes (what the code used before it), for every kind
// of date, span and duration: Intl, as format-date.ts calls it for other languages, is the
// reference, run on the same dates.

type Precision = "year" | "month" | "day";

const intl = (precision: Precision) => formatter("en-GB", precision);

const daysIn = (year: number, month: number) => {
  const d = new Date(Date.UTC(2000, month, 0));
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
};

/** A date of the given precision; a year or a month starts on its first day, as parsed. */
const aDate = (precision: Precision) =>
  fc
    .record({
      year: fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1950, max: 2030 })),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(
      ({ year, month, day }): PartialDate => ({
        precision,
        year,
        month: precision === "year" ? 1 : month,
        day: precision === "day" ? Math.min(day, daysIn(year, month)) : 1,
        hour: 0,
        minute: 0,
      }),
    );

const precisions: Precision[] = ["year", "month", "day"];

/** A second date near the first, so that same-month and same-year spans come up often. */
const nearby = (start: PartialDate, precision: Precision) =>
  fc
    .record({
      years: fc.oneof(fc.constant(0), fc.integer({ min: -2, max: 3 })),
      months: fc.oneof(fc.constant(0), fc.integer({ min: -3, max: 13 })),
      days: fc.oneof(fc.constant(0), fc.integer({ min: -5, max: 40 })),
    })
    .map(({ years, months, days }): PartialDate => {
      const d = calendarDate(start);
      d.setUTCFullYear(Math.min(9999, Math.max(1, start.year + years)));
      if (precision !== "year") d.setUTCMonth(d.getUTCMonth() + months);
      if (precision === "day") d.setUTCDate(d.getUTCDate() + days);
      // Kept within 1–9999; a day moved into the year 10000 keeps its month, so it may need
      // to be a day that exists in 9999 (10000 is a leap year, 9999 is not).
      const year = Math.min(9999, Math.max(1, d.getUTCFullYear()));
      const month = precision === "year" ? 1 : d.getUTCMonth() + 1;
      return {
        precision,
        year,
        month,
        day: precision === "day" ? Math.min(d.getUTCDate(), daysIn(year, month)) : 1,
        hour: 0,
        minute: 0,
      };
    });

describe("British English without Intl", () => {
  it("writes every precision of date as Intl does", () => {
    for (const precision of precisions) {
      const format = intl(precision);
      fc.assert(
        fc.property(aDate(precision), (date) => {
          expect(englishDate(date, precision)).toBe(format.format(calendarDate(date)));
        }),
        { numRuns: 2000 },
      );
    }
  });

  it("writes every month and the first and last days of a month as Intl does", () => {
    const format = intl("day");
    for (let month = 1; month <= 12; month++) {
      for (const day of [1, 9, 10, daysIn(2024, month)]) {
        const date: PartialDate = { precision: "day", year: 2024, month, day, hour: 0, minute: 0 };
        expect(englishDate(date, "day")).toBe(format.format(calendarDate(date)));
      }
    }
  });

  it("writes spans as Intl's formatRange does: same day, month or year, or none in common", () => {
    for (const precision of precisions) {
      const format = intl(precision);
      const spans = aDate(precision).chain((start) =>
        nearby(start, precision).map((end) => [start, end] as const),
      );
      fc.assert(
        fc.property(spans, ([start, end]) => {
          expect(englishRange(start, end, precision)).toBe(
            format.formatRange(calendarDate(start), calendarDate(end)),
          );
        }),
        { numRuns: 2000 },
      );
    }
  });

  it("writes durations as Intl's unit format does, plurals and thousands included", () => {
    for (const unit of ["year", "month", "day", "hour"]) {
      const format = new Intl.NumberFormat("en", { style: "unit", unit, unitDisplay: "long" });
      for (const count of [0, 1, 2, 11, 999, 1000, 1001, 9999, 12345, 1234567]) {
        expect(englishDuration(count, unit)).toBe(format.format(count));
      }
    }
  });

  it("is used for en and en-GB only", () => {
    expect(["en", "EN", "en-GB", "en-gb"].every(isBritishEnglish)).toBe(true);
    expect(["en-US", "de", "ko", "eng"].some(isBritishEnglish)).toBe(false);
  });
});
