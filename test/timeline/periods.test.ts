import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakWidth } from "../../src/timeline/axis.js";
import { endOf, type PartialDate, parseDate, startOf } from "../../src/timeline/date.js";
import { formatDate } from "../../src/timeline/format-date.js";
import {
  layoutOverview,
  type OverviewPage,
  plot,
  type TimelineItem,
} from "../../src/timeline/overview.js";
import { periodRows, type TimelinePeriod, xAtTime } from "../../src/timeline/periods.js";
import { sortByDate } from "../../src/timeline/sort.js";

function date(value: string | number): PartialDate {
  const d = parseDate(value);
  if ("error" in d) throw new Error(d.error);
  return d;
}

const word = fc.stringMatching(/^[A-Za-z]{1,12}$/);
const title = fc.array(word, { minLength: 1, maxLength: 10 }).map((words) => words.join(" "));
const dateValue = fc.oneof(
  fc.integer({ min: 1950, max: 2030 }),
  fc
    .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
  fc
    .tuple(
      fc.integer({ min: 2018, max: 2019 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
);
const event = fc.record({ date: dateValue, title, span: fc.boolean() });
const period = fc.record({
  from: dateValue,
  to: fc.option(dateValue, { nil: undefined }),
  labelWidth: fc.integer({ min: 20, max: 600 }),
});
const asOfText = "2031-01-01";

function itemsOf(raw: { date: string | number; title: string; span: boolean }[]): TimelineItem[] {
  const list = raw.map((r) => {
    const d = date(r.date);
    const item: TimelineItem = { date: d, title: r.title, dateText: formatDate(d, "en") };
    if (r.span) item.end = { ...d, year: d.year + 1 };
    return item;
  });
  return sortByDate(list, (i) => i.date);
}

/** Periods as the model makes them: the start of the first date to the end of the last. */
function periodsOf(
  raw: { from: string | number; to?: string | number; labelWidth: number }[],
): TimelinePeriod[] {
  const asOf = startOf(date(asOfText));
  return raw.map((r) => {
    const from = date(r.from);
    if (r.to === undefined) return { start: startOf(from), end: asOf, labelWidth: r.labelWidth };
    const to = date(r.to);
    const [a, b] = startOf(from) <= startOf(to) ? [from, to] : [to, from];
    return { start: startOf(a), end: endOf(b), labelWidth: r.labelWidth };
  });
}

/** The stretch of time a page draws: from its first moment to its last, the as-of date too. */
function pageTime(page: OverviewPage, items: readonly TimelineItem[]) {
  const times = page.events.flatMap((e) => {
    const item = items[e.index] as TimelineItem;
    const start = startOf(item.date);
    return item.end ? [start, Math.max(start, startOf(item.end))] : [start];
  });
  if (page.asOf !== undefined) times.push(startOf(date(asOfText)));
  return { from: Math.min(...times), to: Math.max(...times) };
}

const layout = (items: TimelineItem[], periods: TimelinePeriod[]) =>
  layoutOverview(items, date(asOfText), undefined, undefined, { periods });

const intersect = (a: { left: number; top: number; width: number; height: number }, b: typeof a) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

const timeline = fc.tuple(
  fc.array(event, { minLength: 1, maxLength: 40 }),
  fc.array(period, { minLength: 0, maxLength: 6 }),
);

describe("periods on the overview", () => {
  it("draws every period on exactly the pages whose time it touches, and every event still once", () => {
    fc.assert(
      fc.property(timeline, ([rawEvents, rawPeriods]) => {
        const items = itemsOf(rawEvents);
        const periods = periodsOf(rawPeriods);
        const pages = layout(items, periods);
        expect(pages.flatMap((p) => p.events.map((e) => e.index))).toEqual(items.map((_, i) => i));
        for (const page of pages) {
          const { from, to } = pageTime(page, items);
          const shown = page.periods.map((p) => p.index).sort((a, b) => a - b);
          const touching = periods.flatMap((p, i) => (p.start <= to && p.end >= from ? [i] : []));
          expect(shown).toEqual(touching);
        }
      }),
      { numRuns: 80 },
    );
  });

  it("keeps bands on the drawn axis and labels on the plot, clear of each other and of the events' labels", () => {
    fc.assert(
      fc.property(timeline, ([rawEvents, rawPeriods]) => {
        const items = itemsOf(rawEvents);
        for (const page of layout(items, periodsOf(rawPeriods))) {
          const axisLeft = page.segments[0]?.left as number;
          const axisRight = page.segments[page.segments.length - 1]?.right as number;
          const boxes = page.periods.map((p) => ({ ...p.label, height: periodRows.row }));
          for (const [i, p] of page.periods.entries()) {
            expect(p.left).toBeGreaterThanOrEqual(Math.max(0, axisLeft) - 0.01);
            expect(p.right).toBeLessThanOrEqual(Math.min(plot.width, axisRight) + 0.01);
            expect(p.right - p.left).toBeGreaterThanOrEqual(periodRows.minBand - 0.01);
            const box = boxes[i] as (typeof boxes)[number];
            expect(box.left).toBeGreaterThanOrEqual(0);
            expect(box.left + box.width).toBeLessThanOrEqual(plot.width + 0.01);
            expect(box.top).toBeGreaterThanOrEqual(plot.axisY + 20);
            // A page of one event that nothing else fits beside may run past the plot's floor.
            if (page.events.length > 1) {
              expect(box.top + box.height).toBeLessThanOrEqual(plot.height + 0.01);
            }
            // Its label starts inside its band, or as far left as the plot lets it.
            expect(box.left).toBeLessThan(Math.max(p.right, plot.width - box.width + 0.01));
            for (const other of boxes.slice(i + 1)) expect(intersect(box, other)).toBe(false);
            for (const e of page.events) {
              if (!e.label || !e.leader) continue;
              expect(intersect(box, e.label)).toBe(false);
              const leader = {
                left: e.leader.x,
                top: e.leader.top,
                width: 0.01,
                height: e.leader.bottom - e.leader.top,
              };
              expect(intersect(box, leader)).toBe(false);
            }
            for (const c of page.intervals) {
              const callOut = {
                left: c.x1,
                top: plot.band.top + c.row * plot.band.row,
                width: c.x2 - c.x1,
                height: plot.band.row,
              };
              expect(intersect(box, callOut)).toBe(false);
            }
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it("keeps a band whole across an axis break inside its period", () => {
    fc.assert(
      fc.property(timeline, ([rawEvents, rawPeriods]) => {
        const items = itemsOf(rawEvents);
        const periods = periodsOf(rawPeriods);
        for (const page of layout(items, periods)) {
          const moments = page.events.map((e) => ({
            x: e.x,
            time: startOf(items[e.index]?.date as PartialDate),
          }));
          for (const b of page.breaks) {
            const before = moments.filter((m) => m.x < b.x);
            const after = moments.filter((m) => m.x > b.x);
            if (before.length === 0 || after.length === 0) continue;
            const from = Math.max(...before.map((m) => m.time));
            const to = Math.min(...after.map((m) => m.time));
            for (const placed of page.periods) {
              const p = periods[placed.index] as TimelinePeriod;
              if (p.start > from || p.end < to) continue;
              // One band from before the break to after it, the break's width and all.
              expect(placed.left).toBeLessThanOrEqual(b.x - breakWidth / 2);
              expect(placed.right).toBeGreaterThanOrEqual(b.x + breakWidth / 2);
            }
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it("gives each page its marks, by which a time finds the x of its event's dot", () => {
    fc.assert(
      fc.property(timeline, ([rawEvents, rawPeriods]) => {
        const items = itemsOf(rawEvents);
        for (const page of layout(items, periodsOf(rawPeriods))) {
          const axis = {
            left: page.segments[0]?.left as number,
            right: page.segments[page.segments.length - 1]?.right as number,
          };
          for (let i = 1; i < page.marks.length; i++) {
            const [a, b] = [page.marks[i - 1], page.marks[i]] as [
              (typeof page.marks)[number],
              (typeof page.marks)[number],
            ];
            expect(b.time).toBeGreaterThanOrEqual(a.time);
            expect(b.x).toBeGreaterThanOrEqual(a.x);
          }
          for (const e of page.events) {
            const time = startOf(items[e.index]?.date as PartialDate);
            expect(xAtTime(page.marks, axis, time)).toBeLessThanOrEqual(e.x);
            expect(xAtTime(page.marks, axis, time, "last")).toBeGreaterThanOrEqual(e.x);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("keeps the sample's nine events on one page beside its two periods", () => {
    const sample = itemsOf(
      [
        [1961, "Soviet–North Korean treaty of friendship and mutual assistance"],
        [2000, "New Russia–North Korea treaty of bilateral ties"],
        ["2000-07", "Putin visits Pyongyang and meets Kim Jong-il"],
        ["2023-09", "Kim travels to Russia's Far East for a summit with Putin"],
        ["2023-11", "North Korea places a spy satellite into orbit"],
        ["2024-05", "Spy satellite launch fails"],
        ["2024-06-18", "Putin's article in Rodong Sinmun; TASS reports treaty order"],
        ["2024-06-19", "Putin arrives in Pyongyang"],
        ["2024-06-19", "Summit talks begin at the Kumsusan Palace of the Sun"],
      ].map(([d, t]) => ({ date: d as string | number, title: t as string, span: false })),
    );
    const asOf = date("2024-06-19");
    const periods: TimelinePeriod[] = [
      { start: startOf(date("2011-12")), end: endOf(asOf), labelWidth: 140 },
      { start: startOf(date("2023-09")), end: endOf(asOf), labelWidth: 210 },
    ];
    const pages = layoutOverview(sample, asOf, undefined, undefined, { periods });
    expect(pages).toHaveLength(1);
    const page = pages[0] as OverviewPage;
    const [rule, since] = page.periods;
    // Kim's rule starts inside the 23-year break; both run to the as-of line.
    const gap = page.breaks[1] as { x: number };
    expect(rule?.left).toBeGreaterThan(gap.x - breakWidth / 2);
    expect(rule?.left).toBeLessThan(gap.x + breakWidth / 2);
    expect(since?.left).toBeCloseTo(page.events[3]?.x as number, 5);
    expect(rule?.right).toBe(page.asOf);
    expect(since?.right).toBe(page.asOf);
  });
});

describe("xAtTime", () => {
  const marks = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 100 })), {
      minLength: 1,
      maxLength: 20,
    })
    .map((pairs) => {
      const times = pairs.map(([t]) => t).sort((a, b) => a - b);
      let x = 30;
      return times.map((time, i) => {
        x += pairs[i]?.[1] as number;
        return { time, x };
      });
    });

  it("never decreases in time, meets each mark, and stays on the axis", () => {
    fc.assert(
      fc.property(
        marks,
        fc.array(fc.integer({ min: -1e11, max: 1.1e12 }), { minLength: 2, maxLength: 20 }),
        (list, rawTimes) => {
          const axis = { left: 10, right: 3000 };
          const times = [...rawTimes].sort((a, b) => a - b);
          for (const at of ["first", "last"] as const) {
            const xs = times.map((t) => xAtTime(list, axis, t, at));
            for (let i = 1; i < xs.length; i++) {
              expect(xs[i]).toBeGreaterThanOrEqual(xs[i - 1] as number);
            }
            for (const x of xs) {
              expect(x).toBeGreaterThanOrEqual(axis.left);
              expect(x).toBeLessThanOrEqual(axis.right);
            }
          }
          for (const m of list) {
            const same = list.filter((n) => n.time === m.time).map((n) => n.x);
            expect(xAtTime(list, axis, m.time)).toBe(Math.min(...same));
            expect(xAtTime(list, axis, m.time, "last")).toBe(Math.max(...same));
          }
        },
      ),
    );
  });

  it("goes through a break in proportion to the time across it", () => {
    const list = [
      { time: 0, x: 100 },
      { time: 1000, x: 200 },
      { time: 2000, x: 500 },
    ];
    const axis = { left: 88, right: 512 };
    expect(xAtTime(list, axis, 500)).toBe(150);
    expect(xAtTime(list, axis, 1500)).toBe(350);
    expect(xAtTime(list, axis, -1)).toBe(88);
    expect(xAtTime(list, axis, 2001)).toBe(512);
  });
});
