import type { LineBreaks } from "../model/line-breaks.js";
import { type AxisPoint, placeOnAxis } from "./axis.js";
import { type PartialDate, startOf } from "./date.js";
import { type Duration, durationBetween } from "./duration.js";
import { type Lane, labelSize, labelText, type PlacedLabel, placeLabels } from "./labels.js";
import { type AxisMark, type PlacedPeriod, placePeriods, type TimelinePeriod } from "./periods.js";

// The overview's plot area, in pixels, as templates/theme/timeline.css draws it: two lanes of
// labels above the axis, a band for interval call-outs and two lanes below, and a row at the
// top for the "as of" marker's label.
export const plot = {
  width: 1136,
  height: 440,
  axisY: 214,
  /** The axis runs this far in from each side, so labels centred on its ends stay on the slide. */
  margin: 24,
  laneHeight: 88,
  /** Where each lane's edge nearest the axis lies. */
  laneEdge: { above: { 1: 200, 2: 106 }, below: { 1: 258, 2: 352 } },
  /** Two rows for interval call-outs, just under the axis. */
  band: { top: 222, row: 16, rows: 2 },
  minGap: { event: 56, end: 8, asOf: 14 },
};

/** An event as the overview needs it: when, how long, and what its label says. */
export interface TimelineItem {
  date: PartialDate;
  end?: PartialDate;
  title: string;
  dateText: string;
  category?: string;
  /** A badge after the date ("New"), which widens the date's line. */
  badge?: string;
}

/** One event on an overview page, with its dot, span bar, label box and leader line. */
export interface PlacedEvent {
  /** Index into the items given to `layoutOverview`. */
  index: number;
  x: number;
  xEnd?: number;
  label: { left: number; top: number; width: number; height: number; lane: Lane };
  leader: { x: number; top: number; bottom: number };
}

/** An interval call-out between two events of one category: "9 months". */
export interface Interval {
  x1: number;
  x2: number;
  row: number;
  duration: Duration;
}

/** One overview slide's picture. */
export interface OverviewPage {
  events: PlacedEvent[];
  /** Stretches of drawn axis between breaks. */
  segments: { left: number; right: number }[];
  breaks: { x: number; duration: Duration }[];
  intervals: Interval[];
  asOf?: number;
  /** The periods whose time this page touches, each band within the drawn axis. */
  periods: PlacedPeriod[];
  /**
   * Every moment drawn on the axis (event starts, span ends, the as-of date) with its x, in
   * time order: what `xAtTime` (periods.ts) finds any other time's place by.
   */
  marks: AxisMark[];
}

/**
 * Lays the timeline out as overview pages. Events stay in the order given (time order); a page
 * takes events while all their labels still fit without overlapping, then the next page starts,
 * so every event lands on exactly one page; `fits` can end a page sooner. Each page has its own continuous axis, with long
 * empty stretches cut out. `asOf` is drawn on the page whose stretch of time holds it, each of
 * `periods` on every page whose stretch of time it touches (see periods.ts).
 */
export function layoutOverview(
  items: readonly TimelineItem[],
  asOf: PartialDate,
  /** Whether a page may hold these events besides their labels, e.g. their legend fits. */
  fits: (events: readonly TimelineItem[]) => boolean = () => true,
  /** How the labels' lines break: the brief's language's rules, as the theme sets them. */
  breaks: LineBreaks = "keep-all",
  /** Bands of time drawn behind the plot, each on every page it touches, labels in rows under it. */
  periods: readonly TimelinePeriod[] = [],
): OverviewPage[] {
  const pages: OverviewPage[] = [];
  // Each label's size and each moment is worked out once; pages try many subsets of them.
  const timeline: Measured = {
    items,
    sizes: items.map((item) => labelSize(item.title, item.dateText, breaks, item.badge)),
    starts: items.map((item) => startOf(item.date)),
    ends: items.map((item) => (item.end ? startOf(item.end) : undefined)),
    asOf: startOf(asOf),
    periods,
  };
  let first = 0;
  while (first < items.length) {
    let page =
      layoutPage(timeline, first, first + 1, first + 1 === items.length) ??
      // With no floor to reach, the periods' rows always fit.
      (withPeriods(
        forcePage(items, first, breaks),
        periods,
        [{ time: timeline.starts[first] as number, x: plot.width / 2 }],
        Number.POSITIVE_INFINITY,
      ) as OverviewPage);
    for (let end = first + 2; end <= items.length; end++) {
      if (!fits(items.slice(first, end))) break;
      const bigger = layoutPage(timeline, first, end, end === items.length);
      if (!bigger) break;
      page = bigger;
    }
    pages.push(page);
    first += page.events.length;
  }
  return pages;
}

// A single event always gets a page, even one whose label is too big for the size model.
function forcePage(
  items: readonly TimelineItem[],
  index: number,
  breaks: LineBreaks,
): Omit<OverviewPage, "periods" | "marks"> {
  const x = plot.width / 2;
  const item = items[index] as TimelineItem;
  const size = labelSize(item.title, item.dateText, breaks, item.badge);
  const lane: Lane = { side: "above", level: 1 };
  const bottom = plot.laneEdge.above[1];
  return {
    events: [
      {
        index,
        x,
        label: {
          left: Math.max(0, x - size.width / 2),
          top: bottom - size.height,
          width: Math.min(size.width, plot.width),
          height: size.height,
          lane,
        },
        leader: { x, top: bottom, bottom: plot.axisY },
      },
    ],
    segments: [{ left: plot.margin, right: plot.width - plot.margin }],
    breaks: [],
    intervals: [],
  };
}

/** The items to lay out, with their label sizes and moments (ms, UTC), in the items' order. */
interface Measured {
  items: readonly TimelineItem[];
  sizes: readonly { width: number; height: number }[];
  starts: readonly number[];
  /** Where each span's end date starts; undefined for an event that is not a span. */
  ends: readonly (number | undefined)[];
  asOf: number;
  periods: readonly TimelinePeriod[];
}

function layoutPage(
  timeline: Measured,
  first: number,
  end: number,
  isLast: boolean,
): OverviewPage | undefined {
  const { items, asOf: asOfTime } = timeline;
  const chosen = items.slice(first, end);
  const starts = timeline.starts.slice(first, end);
  const firstTime = starts[0] as number;
  const lastTime = starts[starts.length - 1] as number;
  const showAsOf = asOfTime >= firstTime && (asOfTime <= lastTime || isLast);

  // Every moment drawn: event starts, span ends, and the as-of date.
  const moments: { time: number; minGap: number; kind: "start" | "end" | "asOf"; i: number }[] = [];
  chosen.forEach((_, i) => {
    moments.push({ time: starts[i] as number, minGap: plot.minGap.event, kind: "start", i });
    const endTime = timeline.ends[first + i];
    if (endTime !== undefined)
      moments.push({
        time: Math.max(endTime, starts[i] as number),
        minGap: plot.minGap.end,
        kind: "end",
        i,
      });
  });
  if (showAsOf) moments.push({ time: asOfTime, minGap: plot.minGap.asOf, kind: "asOf", i: -1 });
  // Starts keep their order; an end or the as-of date sorts after starts at the same moment.
  const order = { start: 0, end: 1, asOf: 2 };
  moments.sort((a, b) => a.time - b.time || order[a.kind] - order[b.kind] || a.i - b.i);

  const axisWidth = plot.width - 2 * plot.margin;
  const axis = placeOnAxis(moments as AxisPoint[], axisWidth);
  if (!axis) return undefined;
  const xOf = new Map<string, number>();
  moments.forEach((m, k) => {
    xOf.set(`${m.kind}:${m.i}`, plot.margin + (axis.xs[k] as number));
  });

  const anchors = chosen.map((_, i) => xOf.get(`start:${i}`) as number);
  const sizes = timeline.sizes.slice(first, end);
  const labels = placeLabels(anchors, sizes, { width: plot.width, laneHeight: plot.laneHeight });
  if (!labels) return undefined;

  const events = chosen.map((item, i): PlacedEvent => {
    const x = anchors[i] as number;
    const label = labels[i] as PlacedLabel;
    const edge = plot.laneEdge[label.lane.side][label.lane.level];
    const top = label.lane.side === "above" ? edge - label.height : edge;
    const placed: PlacedEvent = {
      index: first + i,
      x,
      label: { ...label, top },
      leader:
        label.lane.side === "above"
          ? { x, top: edge, bottom: plot.axisY }
          : { x, top: plot.axisY, bottom: edge },
    };
    if (item.end) placed.xEnd = xOf.get(`end:${i}`);
    return placed;
  });

  const segments: { left: number; right: number }[] = [];
  let left = plot.margin - 12;
  for (const b of axis.breaks) {
    segments.push({ left, right: plot.margin + b.x - 50 });
    left = plot.margin + b.x + 50;
  }
  segments.push({ left, right: plot.width - plot.margin + 12 });

  const breaks = axis.breaks.map((b) => ({
    x: plot.margin + b.x,
    duration: durationBetween(dateAt(timeline, first, b.from), dateAt(timeline, first, b.to)),
  }));
  const page = {
    events,
    segments,
    breaks,
    intervals: intervals(chosen, starts, anchors, breaks),
    asOf: showAsOf ? xOf.get("asOf:-1") : undefined,
  };
  const marks = moments.map((m, k) => ({ time: m.time, x: plot.margin + (axis.xs[k] as number) }));
  return withPeriods(page, timeline.periods, marks);
}

/**
 * The page with the periods it touches, their label rows under its lowest label or call-out, or
 * on the plot's floor clear of the labels there; undefined when they do not fit above `floor`.
 */
function withPeriods<T extends Omit<OverviewPage, "periods" | "marks">>(
  page: T,
  periods: readonly TimelinePeriod[],
  marks: readonly AxisMark[],
  floor: number = plot.height,
): (T & { periods: PlacedPeriod[]; marks: AxisMark[] }) | undefined {
  if (periods.length === 0) return { ...page, periods: [], marks: [...marks] };
  const boxes = [
    ...page.events.flatMap((e) => [
      e.label,
      { left: e.leader.x - 1, top: e.leader.top, width: 2, height: e.leader.bottom - e.leader.top },
    ]),
    ...page.intervals.map((i) => ({
      left: i.x1,
      top: plot.band.top + i.row * plot.band.row,
      width: i.x2 - i.x1,
      height: plot.band.row,
    })),
  ];
  const room = {
    plotWidth: plot.width,
    top: plot.axisY + 20,
    bottom: Math.max(plot.axisY + 20, ...boxes.map((b) => b.top + b.height)),
    floor,
    boxes,
  };
  const axis = {
    left: (page.segments[0] as { left: number }).left,
    right: (page.segments[page.segments.length - 1] as { right: number }).right,
  };
  const placed = placePeriods(periods, marks, axis, room);
  return placed && { ...page, periods: placed, marks: [...marks] };
}

// The partial date of the event that starts at `time`, for writing a break's length in the
// precision the brief gave.
function dateAt(timeline: Measured, from: number, time: number): PartialDate {
  const { items } = timeline;
  for (let i = from; i < items.length; i++) {
    const item = items[i] as TimelineItem;
    if (timeline.starts[i] === time) return item.date;
    if (item.end && timeline.ends[i] === time) return item.end;
  }
  const d = new Date(time);
  return {
    precision: "day",
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: 0,
    minute: 0,
  };
}

const callOut = { charWidth: 7.6, padding: 16, minDays: 28 };

/**
 * Call-outs for the time between consecutive events of the same category, where that is at
 * least four weeks, the label fits between them, and it says more than the axis break already
 * does. Shorter intervals are placed first, each in the first row where it touches no other.
 */
function intervals(
  chosen: readonly TimelineItem[],
  starts: readonly number[],
  anchors: readonly number[],
  breaks: readonly { x: number }[],
): Interval[] {
  const candidates: Omit<Interval, "row">[] = [];
  chosen.forEach((item, i) => {
    if (!item.category) return;
    const j = chosen.findIndex((other, k) => k > i && other.category === item.category);
    if (j < 0) return;
    const next = chosen[j] as TimelineItem;
    if ((starts[j] as number) - (starts[i] as number) < callOut.minDays * 86_400_000) return;
    const x1 = anchors[i] as number;
    const x2 = anchors[j] as number;
    if (j === i + 1 && breaks.some((b) => b.x > x1 && b.x < x2)) return;
    candidates.push({ x1, x2, duration: durationBetween(item.date, next.date) });
  });
  const kept: Interval[] = [];
  for (const c of candidates.sort((a, b) => a.x2 - a.x1 - (b.x2 - b.x1))) {
    const labelWidth =
      `${c.duration.count} ${c.duration.unit}s`.length * callOut.charWidth + callOut.padding;
    if (c.x2 - c.x1 < labelWidth) continue;
    for (let row = 0; row < plot.band.rows; row++) {
      if (kept.some((k) => k.row === row && c.x1 < k.x2 + 4 && k.x1 < c.x2 + 4)) continue;
      kept.push({ ...c, row });
      break;
    }
  }
  return kept.sort((a, b) => a.row - b.row || a.x1 - b.x1);
}

export type { PlacedPeriod, TimelinePeriod };
export { labelText };
