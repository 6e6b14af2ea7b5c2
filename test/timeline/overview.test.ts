import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeOnAxis } from "../../src/timeline/axis.js";
import { type PartialDate, parseDate } from "../../src/timeline/date.js";
import { durationBetween } from "../../src/timeline/duration.js";
import { formatDate } from "../../src/timeline/format-date.js";
import { labelSize, wrap } from "../../src/timeline/labels.js";
import { layoutOverview, plot, type TimelineItem } from "../../src/timeline/overview.js";
import { sortByDate } from "../../src/timeline/sort.js";

function date(value: string | number): PartialDate {
  const d = parseDate(value);
  if ("error" in d) throw new Error(d.error);
  return d;
}

const word = fc.stringMatching(/^[A-Za-z]{1,12}$/);
const title = fc.array(word, { minLength: 1, maxLength: 14 }).map((words) => words.join(" "));
const dateValue = fc.oneof(
  fc.integer({ min: 1900, max: 2030 }),
  fc
    .tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
  fc
    .tuple(
      fc.integer({ min: 2018, max: 2019 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
);
const item = fc.record({
  date: dateValue,
  title,
  category: fc.constantFrom(undefined, "a", "b"),
  span: fc.boolean(),
});

function items(
  raw: { date: string | number; title: string; category?: string; span: boolean }[],
): TimelineItem[] {
  const list = raw.map((r) => {
    const d = date(r.date);
    const entry: TimelineItem = {
      date: d,
      title: r.title,
      dateText: formatDate(d, "en"),
      category: r.category,
    };
    if (r.span) entry.end = { ...d, year: d.year + 1 };
    return entry;
  });
  return sortByDate(list, (i) => i.date);
}

const intersect = (a: { left: number; top: number; width: number; height: number }, b: typeof a) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

describe("layoutOverview", () => {
  it("puts every event on exactly one page, in time order", () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 60 }), (raw) => {
        const list = items(raw);
        const pages = layoutOverview(list, date("2030-12-31"));
        expect(pages.flatMap((p) => p.events.map((e) => e.index))).toEqual(list.map((_, i) => i));
      }),
      { numRuns: 60 },
    );
  });

  it("places events monotonically in time, labels inside the plot, never overlapping or crossing a leader", () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 40 }), (raw) => {
        const list = items(raw);
        for (const page of layoutOverview(list, date("2030-12-31"))) {
          const xs = page.events.map((e) => e.x);
          for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1] as number);
          // Without low events, every event has its label.
          const labels = page.events.map((e) => e.label as NonNullable<typeof e.label>);
          const leaders = page.events.map((e) => e.leader as NonNullable<typeof e.leader>);
          for (const [i, a] of page.events.entries()) {
            const label = labels[i] as (typeof labels)[number];
            const own = leaders[i] as (typeof leaders)[number];
            expect(label.left).toBeGreaterThanOrEqual(0);
            expect(label.left + label.width).toBeLessThanOrEqual(plot.width + 0.01);
            expect(label.top).toBeGreaterThanOrEqual(0);
            expect(label.top + label.height).toBeLessThanOrEqual(plot.height);
            if (a.xEnd !== undefined) expect(a.xEnd).toBeGreaterThanOrEqual(a.x);
            for (const other of labels.slice(i + 1)) {
              expect(intersect(label, other)).toBe(false);
            }
            for (const [j, other] of labels.entries()) {
              if (i === j) continue;
              const leader = {
                left: own.x,
                top: own.top + 0.5,
                width: 0.01,
                height: own.bottom - own.top - 1,
              };
              expect(intersect(leader, other)).toBe(false);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("keeps the sample's nine events on one page and cuts out the empty decades", () => {
    const sample = items([
      {
        date: 1961,
        title: "Soviet–North Korean treaty of friendship and mutual assistance",
        category: "treaty",
        span: false,
      },
      {
        date: 2000,
        title: "New Russia–North Korea treaty of bilateral ties",
        category: "treaty",
        span: false,
      },
      {
        date: "2000-07",
        title: "Putin visits Pyongyang and meets Kim Jong-il",
        category: "summit",
        span: false,
      },
      {
        date: "2023-09",
        title: "Kim travels to Russia's Far East for a summit with Putin",
        category: "summit",
        span: false,
      },
      {
        date: "2023-11",
        title: "North Korea places a spy satellite into orbit",
        category: "space",
        span: false,
      },
      { date: "2024-05", title: "Spy satellite launch fails", category: "space", span: false },
      {
        date: "2024-06-18",
        title: "Putin's article in Rodong Sinmun; TASS reports treaty order",
        category: "statement",
        span: false,
      },
      { date: "2024-06-19", title: "Putin arrives in Pyongyang", category: "summit", span: false },
      {
        date: "2024-06-19",
        title: "Summit talks begin at the Kumsusan Palace of the Sun",
        category: "summit",
        span: false,
      },
    ]);
    const pages = layoutOverview(sample, date("2024-06-19"));
    expect(pages).toHaveLength(1);
    const page = pages[0] as (typeof pages)[number];
    expect(page.breaks.map((b) => b.duration)).toEqual([
      { unit: "year", count: 39 },
      { unit: "year", count: 23 },
    ]);
    expect(page.asOf).toBeGreaterThan(page.events[8]?.x as number);
    // The two events of 19 June 2024 are apart enough for their dots to be told apart.
    expect((page.events[8]?.x as number) - (page.events[7]?.x as number)).toBeGreaterThanOrEqual(
      plot.minGap.event,
    );
    expect(page.intervals.map((i) => i.duration)).toContainEqual({ unit: "month", count: 9 });
  });

  it("pages 1,000 events with every one placed", () => {
    const raw = Array.from({ length: 1000 }, (_, i) => ({
      date: `${2000 + Math.floor(i / 50)}-${String((i % 12) + 1).padStart(2, "0")}`,
      title: `Event ${i + 1} with a title of a usual length`,
      span: i % 7 === 0,
    }));
    const list = items(raw);
    const pages = layoutOverview(list, date("2030-01-01"));
    expect(pages.reduce((n, p) => n + p.events.length, 0)).toBe(1000);
    expect(pages.length).toBeLessThan(150);
  });
});

describe("placeOnAxis", () => {
  it("keeps order and each point's minimum gap, within the width", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2e12 }), { minLength: 1, maxLength: 30 }),
        (times) => {
          const points = [...times].sort((a, b) => a - b).map((time) => ({ time, minGap: 20 }));
          const layout = placeOnAxis(points, 1000);
          if (!layout) return;
          for (let i = 1; i < layout.xs.length; i++) {
            expect((layout.xs[i] as number) - (layout.xs[i - 1] as number)).toBeGreaterThanOrEqual(
              19.999,
            );
          }
          expect(Math.max(...layout.xs)).toBeLessThanOrEqual(1000);
        },
      ),
    );
  });

  it("refuses points that cannot fit", () => {
    expect(
      placeOnAxis(
        Array.from({ length: 10 }, (_, i) => ({ time: i, minGap: 200 })),
        1000,
      ),
    ).toBeUndefined();
  });
});

describe("labels and durations", () => {
  it("wraps words like a browser would, breaking long words", () => {
    expect(wrap("one two three", 7)).toBe(2);
    expect(wrap("abcdefghij", 4)).toBe(3);
    expect(labelSize("Short", "1961").lines).toBe(1);
  });

  it("wraps Thai, Lao, Khmer and Myanmar between the words of ICU's dictionary", () => {
    // สนธิ|สัญญา|มิตรภาพ|และ|ความ|ช่วย|เหลือ|…: 63 letters and marks, and no space.
    const treaty = labelSize("สนธิสัญญามิตรภาพและความช่วยเหลือซึ่งกันและกันโซเวียต–เกาหลีเหนือ", "1961");
    expect(treaty.lines).toBeGreaterThan(1);
    expect(treaty.width).toBeLessThan(300);
    expect(wrap("ສະຫະລັດອາເມລິກາ", 8)).toBe(2);
    expect(wrap("ព្រះរាជាណាចក្រកម្ពុជា", 14)).toBe(2);
    // A Thai word longer than a line still breaks inside, as everything does.
    expect(wrap("ประชุมสุดยอด", 6)).toBe(2);
  });

  it("measures time in the precision the dates have", () => {
    expect(durationBetween(date(1961), date(2000))).toEqual({ unit: "year", count: 39 });
    expect(durationBetween(date("2023-09"), date("2024-06-19"))).toEqual({
      unit: "month",
      count: 9,
    });
    expect(durationBetween(date("2024-06-18"), date("2024-06-19"))).toEqual({
      unit: "day",
      count: 1,
    });
    expect(durationBetween(date("2024-06-19T08:00+09:00"), date("2024-06-19T14:30+09:00"))).toEqual(
      { unit: "hour", count: 6 },
    );
  });
});
