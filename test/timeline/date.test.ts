import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareDates,
  endOf,
  type PartialDate,
  parseDate,
  startOf,
} from "../../src/timeline/date.js";
import { formatDate, formatSpan } from "../../src/timeline/format-date.js";
import { sortByDate } from "../../src/timeline/sort.js";

function date(value: string | number, approx?: PartialDate["approx"]): PartialDate {
  const parsed = parseDate(value);
  if ("error" in parsed) throw new Error(parsed.error);
  if (approx) parsed.approx = approx;
  return parsed;
}

describe("parseDate", () => {
  it("reads every form, including a bare year that YAML gives as a number", () => {
    expect(date(1961)).toMatchObject({ precision: "year", year: 1961 });
    expect(date("2000-07")).toMatchObject({ precision: "month", year: 2000, month: 7 });
    expect(date("2024-06-19")).toMatchObject({ precision: "day", day: 19 });
    expect(date("2024-06-19T03:30+09:00")).toMatchObject({
      precision: "minute",
      hour: 3,
      minute: 30,
      offset: "+09:00",
    });
    expect(date("2024-06-18T18:30Z")).toMatchObject({ offset: "Z" });
  });

  it("refuses what is not a real date", () => {
    for (const bad of [
      "2024-02-30",
      "2023-13",
      "24-06-19",
      "June 2024",
      "2024-06-19T25:00",
      "2024-06-19T10:00+15:00",
      19.5,
      true,
    ]) {
      expect(parseDate(bad)).toHaveProperty("error");
    }
    expect(parseDate("2024-02-29")).not.toHaveProperty("error");
  });
});

describe("ordering", () => {
  it("sorts partial dates by the start of their period, and rough dates where they fall", () => {
    expect(compareDates(date(2000), date("2000-07"))).toBeLessThan(0);
    expect(compareDates(date("2000-07"), date("2000-07-01"))).toBe(0);
    expect(compareDates(date("2024-05", "late"), date("2024-05-20"))).toBeGreaterThan(0);
    expect(compareDates(date("2024-05", "late"), date("2024-05-22"))).toBeLessThan(0);
    expect(compareDates(date(2024, "mid"), date("2024-04"))).toBeGreaterThan(0);
  });

  it("orders timed events by the instant, across offsets", () => {
    // 08:00 in Pyongyang is 23:00 UTC the day before.
    expect(startOf(date("2024-06-19T08:00+09:00"))).toBe(Date.UTC(2024, 5, 18, 23, 0));
    expect(
      compareDates(date("2024-06-19T08:00+09:00"), date("2024-06-19T02:30+03:00")),
    ).toBeLessThan(0);
  });

  it("keeps file order for equal dates", () => {
    const items = [
      { id: "a", d: "2024-06-19" },
      { id: "b", d: "1961" },
      { id: "c", d: "2024-06-19" },
      { id: "d", d: "2024-06" },
    ];
    expect(sortByDate(items, (i) => date(i.d)).map((i) => i.id)).toEqual(["b", "d", "a", "c"]);
  });

  const anyDate = fc
    .record({
      year: fc.integer({ min: 1, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      form: fc.constantFrom("year", "month", "day", "minute"),
      hour: fc.integer({ min: 0, max: 23 }),
    })
    .map(({ year, month, day, form, hour }) => {
      const y = String(year).padStart(4, "0");
      const m = String(month).padStart(2, "0");
      const d = String(day).padStart(2, "0");
      if (form === "year") return year;
      if (form === "month") return `${y}-${m}`;
      if (form === "day") return `${y}-${m}-${d}`;
      return `${y}-${m}-${d}T${String(hour).padStart(2, "0")}:15+05:30`;
    });

  it("sorted output is an ordered permutation of the input, stable for ties", () => {
    fc.assert(
      fc.property(fc.array(anyDate, { maxLength: 40 }), (values) => {
        const items = values.map((value, index) => ({ value, index }));
        const sorted = sortByDate(items, (i) => date(i.value));
        expect([...sorted].sort((a, b) => a.index - b.index)).toEqual(items);
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1] as (typeof items)[number];
          const b = sorted[i] as (typeof items)[number];
          const order = compareDates(date(a.value), date(b.value));
          expect(order).toBeLessThanOrEqual(0);
          if (order === 0) expect(a.index).toBeLessThan(b.index);
        }
      }),
    );
  });
});

describe("formatDate", () => {
  it("writes dates for people in English", () => {
    expect(formatDate(date("2024-06-19"), "en")).toBe("19 June 2024");
    expect(formatDate(date("2000-07"), "en")).toBe("July 2000");
    expect(formatDate(date(1961), "en")).toBe("1961");
    expect(formatDate(date("2024-05", "late"), "en")).toBe("late May 2024");
    expect(formatDate(date("2024-05", "mid"), "en")).toBe("mid-May 2024");
    expect(formatDate(date(1950, "circa"), "en")).toBe("c. 1950");
    expect(formatDate(date("2024-06-19T03:05+09:00"), "en")).toBe("19 June 2024, 03:05 UTC+09:00");
    expect(formatDate(date("2024-06-19T03:05Z"), "en")).toBe("19 June 2024, 03:05 UTC");
  });

  it("follows the brief's language", () => {
    expect(formatDate(date("2024-06-19"), "en-US")).toBe("June 19, 2024");
    expect(formatDate(date("2024-06-19"), "ko")).toBe("2024년 6월 19일");
    expect(formatDate(date("2024-05", "late"), "ko")).toBe("2024년 5월 하순");
    expect(formatDate(date("2024-06-19"), "de")).toBe("19. Juni 2024");
    expect(formatDate(date("2024-05", "early"), "de")).toBe("Anfang Mai 2024");
  });

  it("writes spans compactly where it can", () => {
    expect(formatSpan(date("1961-07-06"), date("1961-07-10"), "en")).toMatch(
      /^6\s*–\s*10 July 1961$/,
    );
    expect(formatSpan(date("2018"), date("2019"), "en")).toMatch(/^2018\s*–\s*2019$/);
    expect(formatSpan(date("2024-05", "late"), date("2024-06-19"), "en")).toBe(
      "late May 2024 – 19 June 2024",
    );
  });
});

describe("periods", () => {
  it("ends a period at its last moment, across month and year ends", () => {
    expect(endOf(date("2019-12-31"))).toBe(Date.UTC(2020, 0, 1) - 1);
    expect(endOf(date("2019-12"))).toBe(Date.UTC(2020, 0, 1) - 1);
    expect(endOf(date(2019))).toBe(Date.UTC(2020, 0, 1) - 1);
    expect(endOf(date("2019-02-28"))).toBe(Date.UTC(2019, 2, 1) - 1);
    expect(startOf(date("0099-01-01"))).toBe(new Date("0099-01-01T00:00:00Z").getTime());
  });
});

describe("offsets", () => {
  const error = (text: string) => {
    const parsed = parseDate(text);
    return "error" in parsed ? parsed.error : undefined;
  };

  it("refuses an offset beyond ±14:00, by its minutes too", () => {
    for (const text of [
      "2024-06-19T10:00+15:00",
      "2024-06-19T10:00+14:30",
      "2024-06-19T10:00-14:01",
      "2024-06-19T10:00+1401",
      "2024-06-19T10:00+09:60",
    ]) {
      expect(error(text), text).toBe(`"${text}" has an offset beyond ±14:00`);
    }
  });

  it("takes ±14:00 and Z, and the offset written without a colon or its minutes", () => {
    expect(date("2024-06-19T10:00+14:00")).toMatchObject({ offset: "+14:00" });
    expect(date("2024-06-19T10:00-14:00")).toMatchObject({ offset: "-14:00" });
    expect(date("2024-06-19T10:00Z")).toMatchObject({ offset: "Z" });
    expect(date("2024-06-19T10:00+0900")).toMatchObject({ offset: "+09:00" });
    expect(date("2024-06-19T10:00-03")).toMatchObject({ offset: "-03:00" });
    expect(startOf(date("2024-06-19T10:00+0530"))).toBe(Date.UTC(2024, 5, 19, 4, 30));
    expect(formatDate(date("2024-06-19T10:00+0900"), "en")).toBe("19 June 2024, 10:00 UTC+09:00");
  });
});

describe("seconds", () => {
  it("are kept: the timeline orders by them, and they are shown where the time is", () => {
    const early = date("2024-06-19T10:00:05Z");
    const late = date("2024-06-19T10:00:40Z");
    expect(early).toMatchObject({ precision: "minute", minute: 0, second: 5 });
    expect(startOf(late)).toBe(Date.UTC(2024, 5, 19, 10, 0, 40));
    expect(compareDates(early, late)).toBeLessThan(0);
    const items = [
      { id: "late", d: late },
      { id: "early", d: early },
    ];
    expect(sortByDate(items, (item) => item.d).map((item) => item.id)).toEqual(["early", "late"]);
    expect(endOf(early)).toBe(Date.UTC(2024, 5, 19, 10, 0, 6) - 1);
    expect(endOf(date("2024-06-19T10:00Z"))).toBe(Date.UTC(2024, 5, 19, 10, 1) - 1);
    expect(formatDate(early, "en")).toBe("19 June 2024, 10:00:05 UTC");
    expect(formatDate(date("2024-06-19T10:00:00"), "en")).toBe("19 June 2024, 10:00:00");
    expect(formatDate(date("2024-06-19T10:00"), "en")).toBe("19 June 2024, 10:00");
  });

  it("are refused when they are not a second of a minute, or a fraction of one", () => {
    expect(parseDate("2024-06-19T10:00:60Z")).toEqual({
      error: '"2024-06-19T10:00:60Z" is not a time of day',
    });
    expect(parseDate("2024-06-19T10:00:05.5Z")).toEqual({
      error: '"2024-06-19T10:00:05.5Z" has a fraction of a second: write whole seconds (HH:MM:SS)',
    });
  });
});
