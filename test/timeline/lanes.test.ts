import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeOnAxis } from "../../src/timeline/axis.js";
import { type PartialDate, parseDate } from "../../src/timeline/date.js";
import { formatDate } from "../../src/timeline/format-date.js";
import {
  type LaneSetup,
  laneRows,
  layoutOverview,
  type OverviewPage,
  plot,
  type TimelineItem,
} from "../../src/timeline/overview.js";
import { sortByDate } from "../../src/timeline/sort.js";

function date(value: string): PartialDate {
  const d = parseDate(value);
  if ("error" in d) throw new Error(d.error);
  return d;
}

const word = fc.stringMatching(/^[A-Za-z]{1,12}$/);
const title = fc.array(word, { minLength: 1, maxLength: 10 }).map((words) => words.join(" "));
const day = fc
  .tuple(
    fc.integer({ min: 2024, max: 2025 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const raw = fc.record({
  date: day,
  title,
  category: fc.constantFrom(undefined, "a", "b", "c", "d"),
  importance: fc.constantFrom(undefined, "high" as const, "normal" as const, "low" as const),
  span: fc.boolean(),
});

interface Raw {
  date: string;
  title: string;
  category: string | undefined;
  importance: TimelineItem["importance"];
  span: boolean;
}

function itemsOf(list: readonly Raw[]): TimelineItem[] {
  return sortByDate(
    list.map((r) => {
      const d = date(r.date);
      const item: TimelineItem = { date: d, title: r.title, dateText: formatDate(d, "en") };
      if (r.category) item.category = r.category;
      if (r.importance) item.importance = r.importance;
      if (r.span) item.end = { ...d, month: d.month === 12 ? 12 : d.month + 1 };
      return item;
    }),
    (item) => item.date,
  );
}

type Box = { left: number; top: number; width: number; height: number };
const intersect = (a: Box, b: Box) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

/** The guarantees every page keeps, with lanes or without. */
function expectReadable(page: OverviewPage, items: readonly TimelineItem[], left = 0) {
  const xs = page.events.map((e) => e.x);
  for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1] as number);
  for (const [i, a] of page.events.entries()) {
    const item = items[a.index] as TimelineItem;
    // Only a low event may go without its label.
    if (!a.label) {
      expect(item.importance).toBe("low");
      expect(a.leader).toBeUndefined();
      continue;
    }
    const label = a.label;
    expect(label.left).toBeGreaterThanOrEqual(left);
    expect(label.left + label.width).toBeLessThanOrEqual(plot.width + 0.01);
    expect(label.top).toBeGreaterThanOrEqual(0);
    expect(label.top + label.height).toBeLessThanOrEqual(plot.height);
    // The leader drops from the label to the event's own line.
    const leader = a.leader as NonNullable<typeof a.leader>;
    expect(leader.x).toBe(a.x);
    expect([leader.top, leader.bottom]).toContain(a.y);
    for (const b of page.events.slice(i + 1)) {
      if (b.label) expect(intersect(label, b.label)).toBe(false);
    }
    for (const b of page.events) {
      if (a === b || !b.label) continue;
      const line = {
        left: leader.x,
        top: leader.top + 0.5,
        width: 0.01,
        height: leader.bottom - leader.top - 1,
      };
      expect(intersect(line, b.label)).toBe(false);
    }
  }
}

const lanes: LaneSetup = { keys: ["a", "b", "c", "d", undefined], gutter: 120 };
const rowIndex = (item: TimelineItem) => {
  const found = lanes.keys.indexOf(item.category);
  return found >= 0 ? found : lanes.keys.length - 1;
};

describe("lanes", () => {
  it("puts every event on exactly one page, on its category's row, with labels between its line and the row above", () => {
    fc.assert(
      fc.property(fc.array(raw, { minLength: 1, maxLength: 50 }), (list) => {
        const items = itemsOf(list);
        const pages = layoutOverview(items, date("2026-01-01"), undefined, undefined, { lanes });
        expect(pages.flatMap((p) => p.events.map((e) => e.index))).toEqual(items.map((_, i) => i));
        for (const page of pages) {
          expect(page.rows).toHaveLength(5);
          expectReadable(page, items, lanes.gutter);
          for (const e of page.events) {
            const row = rowIndex(items[e.index] as TimelineItem);
            expect(e.y).toBe(page.rows[row]);
            if (!e.label) continue;
            expect(e.label.top + e.label.height).toBeLessThanOrEqual(e.y);
            const above = row === 0 ? 0 : (page.rows[row - 1] as number);
            expect(e.label.top).toBeGreaterThanOrEqual(above);
          }
          // With lanes there are no interval call-outs: the rows leave no room for them.
          expect(page.intervals).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("keeps the periods' labels under the last lane, clear of every label and of each other", () => {
    const hour = 3_600_000;
    const period = fc.record({
      from: fc.integer({ min: 0, max: 700 }),
      days: fc.integer({ min: 1, max: 400 }),
      labelWidth: fc.integer({ min: 20, max: 400 }),
    });
    fc.assert(
      fc.property(
        fc.array(raw, { minLength: 1, maxLength: 40 }),
        fc.array(period, { minLength: 1, maxLength: 3 }),
        (list, spans) => {
          const items = itemsOf(list);
          const origin = Date.UTC(2024, 0, 1);
          const periods = spans.map((p) => ({
            start: origin + p.from * 24 * hour,
            end: origin + (p.from + p.days) * 24 * hour,
            labelWidth: p.labelWidth,
          }));
          const pages = layoutOverview(items, date("2026-01-01"), undefined, undefined, {
            lanes,
            periods,
          });
          expect(pages.flatMap((p) => p.events.map((e) => e.index))).toEqual(
            items.map((_, i) => i),
          );
          for (const page of pages) {
            expectReadable(page, items, lanes.gutter);
            const line = page.rows[page.rows.length - 1] as number;
            const labels = page.periods.map((p) => ({
              left: p.label.left,
              top: p.label.top,
              width: p.label.width,
              height: 18,
            }));
            for (const [i, label] of labels.entries()) {
              expect(label.top).toBeGreaterThan(line);
              if (page.events.length > 1) {
                expect(label.top + label.height).toBeLessThanOrEqual(plot.height + 0.01);
              }
              for (const other of labels.slice(i + 1)) expect(intersect(label, other)).toBe(false);
              for (const e of page.events)
                if (e.label) expect(intersect(label, e.label)).toBe(false);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("shares the plot's height between the rows, each with room for a label of one line", () => {
    for (let count = 1; count <= plot.rows.maxRows; count++) {
      const rows = laneRows(count);
      expect(rows).toHaveLength(count);
      expect((rows[count - 1] as (typeof rows)[number]).axisY).toBeLessThanOrEqual(plot.height);
      for (const row of rows) expect(row.laneHeight).toBeGreaterThanOrEqual(44);
    }
  });
});

describe("importance", () => {
  it("leaves labels out only of low events, and never needs more pages for it", () => {
    fc.assert(
      fc.property(fc.array(raw, { minLength: 1, maxLength: 60 }), (list) => {
        const items = itemsOf(list);
        const pages = layoutOverview(items, date("2026-01-01"));
        expect(pages.flatMap((p) => p.events.map((e) => e.index))).toEqual(items.map((_, i) => i));
        for (const page of pages) expectReadable(page, items);
        const allNormal = items.map(({ importance: _, ...item }) => item);
        expect(pages.length).toBeLessThanOrEqual(
          layoutOverview(allNormal, date("2026-01-01")).length,
        );
        // A page that shows every label as it is leaves none out.
        const labelledEverywhere = layoutOverview(allNormal, date("2026-01-01"));
        if (labelledEverywhere.length === pages.length) {
          expect(pages.flatMap((p) => p.events).every((e) => e.label)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("fits a 60-event chronology of mostly low events on fewer pages, and says what it left out", () => {
    const items = itemsOf(
      Array.from({ length: 60 }, (_, i) => ({
        date: `2025-${String(1 + Math.floor(i / 5)).padStart(2, "0")}-${String(1 + (i % 5) * 5).padStart(2, "0")}`,
        title: `Event number ${i + 1} with a title of a usual length`,
        category: undefined,
        importance: i % 4 === 0 ? undefined : ("low" as const),
        span: false,
      })),
    );
    const withLow = layoutOverview(items, date("2026-01-01"));
    const allNormal = layoutOverview(
      items.map(({ importance: _, ...item }) => item),
      date("2026-01-01"),
    );
    expect(withLow.length).toBeLessThan(allNormal.length);
    const unlabelled = withLow.flatMap((p) => p.events).filter((e) => !e.label);
    expect(unlabelled.length).toBeGreaterThan(0);
    // The events every fourth one is normal: those always keep their labels.
    for (const e of withLow.flatMap((p) => p.events)) {
      if (e.index % 4 === 0) expect(e.label).toBeDefined();
    }
  });
});

describe("crowded stretches", () => {
  it("gives events close together more room than their minimum gaps", () => {
    const hour = 3_600_000;
    const month = 30 * 24 * hour;
    const monthly = Array.from({ length: 8 }, (_, i) => i * month);
    const last = monthly[7] as number;
    const times = [...monthly, last + hour, last + 2 * hour];
    const layout = placeOnAxis(
      times.map((time) => ({ time, minGap: 56 })),
      1100,
    ) as NonNullable<ReturnType<typeof placeOnAxis>>;
    expect(layout.breaks).toEqual([]);
    const gaps = layout.xs.slice(1).map((x, i) => x - (layout.xs[i] as number));
    const [cluster1, cluster2] = gaps.slice(-2) as [number, number];
    expect(cluster1).toBeGreaterThan(56 + 10);
    expect(cluster2).toBeGreaterThan(56 + 10);
    // A month still takes more room than an hour.
    expect(gaps[0]).toBeGreaterThan(cluster1);
  });
});
