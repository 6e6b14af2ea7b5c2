import type { LineBreaks } from "../model/line-breaks.js";
import { placeOnAxis } from "./axis.js";
import { endOf, type PartialDate, startOf } from "./date.js";
import { type Duration, durationBetween } from "./duration.js";
import {
  type LabelArea,
  type Lane,
  labelSize,
  labelText,
  type PlacedLabel,
  placeAmong,
  tryLabels,
} from "./labels.js";
import {
  type AxisMark,
  type PlacedPeriod,
  periodRows,
  placePeriods,
  type TimelinePeriod,
} from "./periods.js";

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
  minGap: { event: 56, end: 8, asOf: 14, dot: 16, otherRow: 8 },
  /**
   * With `timeline.lanes`: rows under the as-of marker's row, each with its line near its foot
   * and one or two lanes of labels over it, at most `maxRows` of them (a row must hold a label
   * of one line).
   */
  rows: { top: 18, lineFromFoot: 11, labelGap: 11, levelGap: 6, maxRows: 6, periodsBelow: 14 },
};

/** How events are split into rows, one per category: `timeline.lanes: category`. */
export interface LaneSetup {
  /** Each row's category key, in the legend's order; undefined for the last, unnamed row. */
  keys: readonly (string | undefined)[];
  /** Pixels at the left of the plot kept for the rows' names; the axis starts after them. */
  gutter: number;
}

/** One axis line of the plot, and the lanes of labels beside it. */
export interface Row {
  axisY: number;
  /** The label lanes, nearest the line first, with the y of each one's edge nearest the line. */
  lanes: { lane: Lane; edge: number }[];
  /** The tallest label a lane of this row holds. */
  laneHeight: number;
  /** Where interval call-outs go under the line; rows of lanes leave no room for them. */
  band?: { top: number; row: number; rows: number };
}

/** The one row of a timeline without lanes: four lanes of labels, two each side of the axis. */
const singleRow: Row = {
  axisY: plot.axisY,
  lanes: [
    { lane: { side: "above", level: 1 }, edge: plot.laneEdge.above[1] },
    { lane: { side: "below", level: 1 }, edge: plot.laneEdge.below[1] },
    { lane: { side: "above", level: 2 }, edge: plot.laneEdge.above[2] },
    { lane: { side: "below", level: 2 }, edge: plot.laneEdge.below[2] },
  ],
  laneHeight: plot.laneHeight,
  band: plot.band,
};

/**
 * The rows of a plot with `count` lanes sharing the plot's height, less `reserve` pixels kept
 * free under them: each row's labels above its line only, in two lanes where the row is tall
 * enough for two of the tallest labels.
 */
export function laneRows(count: number, reserve = 0): Row[] {
  if (count <= 0) return [singleRow];
  const { top, lineFromFoot, labelGap, levelGap } = plot.rows;
  const pitch = (plot.height - top - reserve) / count;
  const room = pitch - lineFromFoot - labelGap;
  const levels = room >= 2 * plot.laneHeight + levelGap ? 2 : 1;
  const laneHeight = Math.floor(
    Math.min(plot.laneHeight, (room - (levels - 1) * levelGap) / levels),
  );
  return Array.from({ length: count }, (_, r) => {
    const axisY = Math.round(top + (r + 1) * pitch - lineFromFoot);
    const edge = axisY - labelGap;
    const lanes = [{ lane: { side: "above", level: 1 } as Lane, edge }];
    if (levels === 2) {
      lanes.push({ lane: { side: "above", level: 2 }, edge: edge - laneHeight - levelGap });
    }
    return { axisY, lanes, laneHeight };
  });
}

/**
 * The rows of `count` lanes, with room kept free under the last line for the periods' labels:
 * a row for each of the most periods that run at one time, and one more where labels crowd,
 * but never so many that a lane could not hold a label of one line.
 */
export function lanesWith(count: number, periods: readonly TimelinePeriod[]): Row[] {
  if (periods.length === 0) return laneRows(count);
  const edges = periods.flatMap((p) => [
    { time: p.start, step: 1 },
    { time: p.end, step: -1 },
  ]);
  edges.sort((a, b) => a.time - b.time || b.step - a.step);
  let running = 0;
  let most = 0;
  for (const edge of edges) {
    running += edge.step;
    most = Math.max(most, running);
  }
  // The rows start `periodsBelow` under the last line (see withPeriods), clear of its dots.
  const room = (rows: number) =>
    plot.rows.periodsBelow - plot.rows.lineFromFoot + rows * periodRows.row;
  for (let rows = Math.min(periods.length, most + 1); rows > 0; rows--) {
    const lanes = laneRows(count, room(rows));
    if ((lanes[0] as Row).laneHeight >= oneLine) return lanes;
  }
  return laneRows(count);
}

// The height of a label of one line: its date, one title line and padding.
const oneLine = labelText.dateLine + labelText.titleLine + 2 * labelText.padding;

/** The most lines a title may take in a row's lanes: as many as the lane's height holds. */
export function titleLinesFor(row: Row): number {
  const { dateLine, titleLine, padding } = labelText;
  return Math.max(
    1,
    Math.min(
      labelText.maxTitleLines,
      Math.floor((row.laneHeight - dateLine - 2 * padding) / titleLine),
    ),
  );
}

/** An event as the overview needs it: when, how long, and what its label says. */
export interface TimelineItem {
  date: PartialDate;
  end?: PartialDate;
  title: string;
  dateText: string;
  category?: string;
  /** A badge after the date ("New"), which widens the date's line. */
  badge?: string;
  /** A place name, shown after the date when the label's date line has room for it. */
  location?: string;
  /** High events' labels always show; low events' may be left off when room runs out. */
  importance?: "high" | "normal" | "low";
}

/**
 * One event on an overview page, with its dot, span bar, label box and leader line; a low
 * event the page had no room to label has its dot alone.
 */
export interface PlacedEvent {
  /** Index into the items given to `layoutOverview`. */
  index: number;
  x: number;
  xEnd?: number;
  /** The y of the line its dot sits on: its row's. */
  y: number;
  label?: { left: number; top: number; width: number; height: number; lane: Lane };
  leader?: { x: number; top: number; bottom: number };
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
  /** The y of each row's line: one, or one a lane. */
  rows: number[];
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
 * takes events while their labels still fit without overlapping (low events' labels left out
 * where only that makes them fit), then the next page starts, so every event lands on exactly
 * one page; `fits` can end a page sooner. Each page has its own continuous axis, with long
 * empty stretches cut out. `asOf` is drawn on the page whose stretch of time holds it, each of
 * `periods` on every page whose stretch of time it touches (see periods.ts).
 */
export function layoutOverview(
  items: readonly TimelineItem[],
  asOf: PartialDate,
  /**
   * Whether a page may hold these events besides their labels, e.g. their legend fits, with
   * `unlabelled` of them drawn without labels (asked again once the page is laid out).
   */
  fits: (events: readonly TimelineItem[], unlabelled: number) => boolean = () => true,
  /** How the labels' lines break: the brief's language's rules, as the theme sets them. */
  breaks: LineBreaks = "keep-all",
  /**
   * A row of its own for each category (`lanes`), without which one axis; bands of time drawn
   * behind the plot (`periods`), each on every page it touches, labels in rows under it.
   */
  layout: { lanes?: LaneSetup; periods?: readonly TimelinePeriod[] } = {},
): OverviewPage[] {
  const { lanes, periods = [] } = layout;
  const pages: OverviewPage[] = [];
  // With lanes the rows fill the plot: the periods' label rows are kept free under them.
  const rows = lanes ? lanesWith(lanes.keys.length, periods) : [singleRow];
  const rowOf = lanes
    ? (item: TimelineItem) => {
        const found = lanes.keys.indexOf(item.category);
        return found >= 0 ? found : lanes.keys.length - 1;
      }
    : () => 0;
  const maxLines = titleLinesFor(rows[0] as Row);
  // Each label's size and each moment is worked out once; pages try many subsets of them.
  const timeline: Measured = {
    items,
    sizes: items.map((item) =>
      labelSize(item.title, item.dateText, breaks, item.badge, item.location, maxLines),
    ),
    starts: items.map((item) => startOf(item.date)),
    ends: items.map((item) => (item.end ? startOf(item.end) : undefined)),
    // The as-of date includes its whole day (or month, or year): the line is at its end.
    asOf: endOf(asOf),
    rows,
    rowOf: items.map(rowOf),
    left: lanes ? lanes.gutter : 0,
    periods,
  };
  let first = 0;
  while (first < items.length) {
    let page =
      layoutPage(timeline, first, first + 1, first + 1 === items.length) ??
      // With no floor to reach, the periods' rows always fit.
      (withPeriods(
        forcePage(timeline, first, first + 1 === items.length),
        timeline,
        [{ time: timeline.starts[first] as number, x: (timeline.left + plot.width) / 2 }],
        Number.POSITIVE_INFINITY,
      ) as OverviewPage);
    for (let end = first + 2; end <= items.length; end++) {
      const events = items.slice(first, end);
      if (!fits(events, 0)) break;
      const bigger = layoutPage(timeline, first, end, end === items.length);
      if (!bigger) break;
      const unlabelled = bigger.events.filter((e) => !e.label).length;
      if (unlabelled > 0 && !fits(events, unlabelled)) break;
      page = bigger;
    }
    pages.push(page);
    first += page.events.length;
  }
  return pages;
}

// A single event always gets a page, even one whose label is too big for the size model: in the
// middle, its label in the lane next to its line, the as-of line after it where it belongs.
function forcePage(
  timeline: Measured,
  index: number,
  isLast: boolean,
): Omit<OverviewPage, "periods" | "marks"> {
  const x = (timeline.left + plot.width) / 2;
  const size = timeline.sizes[index] as { width: number; height: number };
  const start = timeline.starts[index] as number;
  const showAsOf = timeline.asOf >= start && (timeline.asOf === start || isLast);
  const row = timeline.rows[timeline.rowOf[index] as number] as Row;
  const { lane, edge } = row.lanes[0] as Row["lanes"][number];
  return {
    events: [
      {
        index,
        x,
        y: row.axisY,
        label: {
          left: Math.max(timeline.left, x - size.width / 2),
          top: edge - size.height,
          width: Math.min(size.width, plot.width - timeline.left),
          height: size.height,
          lane,
        },
        leader: { x, top: edge, bottom: row.axisY },
      },
    ],
    rows: timeline.rows.map((r) => r.axisY),
    segments: [{ left: timeline.left + plot.margin, right: plot.width - plot.margin }],
    breaks: [],
    intervals: [],
    asOf: showAsOf
      ? x + (timeline.asOf === start ? plot.minGap.asOf : 4 * plot.minGap.asOf)
      : undefined,
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
  rows: readonly Row[];
  /** Each item's row. */
  rowOf: readonly number[];
  /** Where the plot's room for labels and the axis begins: after the rows' names. */
  left: number;
  periods: readonly TimelinePeriod[];
}

// Rounds of giving a crowded event more room on the axis before the page gives up on it: more
// than three rarely helps, and each costs a layout of the page (npm run bench, 1,000 events).
const widenings = 3;

/**
 * The page of events `first` to `end`, every label shown, or failing that with low events'
 * labels left out where they find no room; undefined when even that does not fit.
 */
function layoutPage(
  timeline: Measured,
  first: number,
  end: number,
  isLast: boolean,
): OverviewPage | undefined {
  const full = layoutWith(timeline, first, end, isLast, false);
  if (full) return full;
  const hasLow = timeline.items.slice(first, end).some((item) => item.importance === "low");
  return hasLow ? layoutWith(timeline, first, end, isLast, true) : undefined;
}

function layoutWith(
  timeline: Measured,
  first: number,
  end: number,
  isLast: boolean,
  dropLow: boolean,
): OverviewPage | undefined {
  const { items, asOf: asOfTime } = timeline;
  const chosen = items.slice(first, end);
  const starts = timeline.starts.slice(first, end);
  const rowOf = timeline.rowOf.slice(first, end);
  const firstTime = starts[0] as number;
  const lastTime = starts[starts.length - 1] as number;
  const showAsOf = asOfTime >= firstTime && (asOfTime <= lastTime || isLast);
  // Labels the page may leave out, when it must: low events'.
  const optional = chosen.map((item) => dropLow && item.importance === "low");

  // Every moment drawn: event starts, span ends, and the as-of date.
  const moments: { time: number; minGap: number; kind: "start" | "end" | "asOf"; i: number }[] = [];
  chosen.forEach((_, i) => {
    moments.push({ time: starts[i] as number, minGap: 0, kind: "start", i });
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
  // A label needs room from the label before it in its row; a dot alone, or a dot after one of
  // another row, needs little.
  let previous = -1;
  for (const m of moments) {
    if (m.kind !== "start") continue;
    const sameRow = previous >= 0 && rowOf[previous] === rowOf[m.i];
    m.minGap = optional[m.i]
      ? plot.minGap.dot
      : sameRow || previous < 0
        ? plot.minGap.event
        : plot.minGap.otherRow;
    previous = m.i;
  }
  const momentOf = new Map<number, number>();
  moments.forEach((m, k) => {
    if (m.kind === "start") momentOf.set(m.i, k);
  });

  const left = timeline.left;
  const width = plot.width - left;
  const axisWidth = width - 2 * plot.margin;
  const extra = moments.map(() => 0);
  for (let round = 0; round <= widenings; round++) {
    const axis = placeOnAxis(
      moments.map((m, k) => ({ time: m.time, minGap: m.minGap + (extra[k] as number) })),
      axisWidth,
    );
    if (!axis) return undefined;
    const xOf = new Map<string, number>();
    moments.forEach((m, k) => {
      xOf.set(`${m.kind}:${m.i}`, left + plot.margin + (axis.xs[k] as number));
    });
    const anchors = chosen.map((_, i) => xOf.get(`start:${i}`) as number);
    const labels = labelRows(timeline, first, anchors, rowOf, optional);
    if ("failed" in labels) {
      if (!Number.isFinite(labels.short) || round === widenings) return undefined;
      const k = momentOf.get(labels.failed) as number;
      extra[k] = (extra[k] as number) + Math.ceil(labels.short) + 1;
      continue;
    }
    const page = pageOf(timeline, first, chosen, starts, anchors, labels.placed, axis.breaks, {
      xOf,
      showAsOf,
    });
    const marks = moments.map((m, k) => ({
      time: m.time,
      x: left + plot.margin + (axis.xs[k] as number),
    }));
    return withPeriods(page, timeline, marks);
  }
  return undefined;
}

/**
 * Each row's labels: those that must show, placed left to right; then, among them, the labels
 * that may be left out, each where it finds room. Says which event found none, when one must.
 */
function labelRows(
  timeline: Measured,
  first: number,
  anchors: readonly number[],
  rowOf: readonly number[],
  optional: readonly boolean[],
): { placed: (PlacedLabel | undefined)[] } | { failed: number; short: number } {
  const placed: (PlacedLabel | undefined)[] = anchors.map(() => undefined);
  const left = timeline.left;
  for (const [r, row] of timeline.rows.entries()) {
    const area: LabelArea = {
      width: plot.width - left,
      laneHeight: row.laneHeight,
      lanes: row.lanes.map((l) => l.lane),
    };
    const members =
      timeline.rows.length === 1
        ? anchors.map((_, i) => i)
        : anchors.flatMap((_, i) => (rowOf[i] === r ? [i] : []));
    const anyOptional = optional.some(Boolean);
    const shown = anyOptional ? members.filter((i) => !optional[i]) : members;
    const sizes = shown.map((i) => timeline.sizes[first + i] as { width: number; height: number });
    const placement = tryLabels(
      shown.map((i) => (anchors[i] as number) - left),
      sizes,
      area,
    );
    if ("failed" in placement) {
      return { failed: shown[placement.failed] as number, short: placement.short };
    }
    shown.forEach((i, k) => {
      placed[i] = placement.labels[k];
    });
    if (!anyOptional) continue;
    const boxes = placement.labels.map((label, k) => ({
      ...label,
      x: (anchors[shown[k] as number] as number) - left,
    }));
    for (const i of members) {
      if (!optional[i]) continue;
      const x = (anchors[i] as number) - left;
      const label = placeAmong(
        x,
        timeline.sizes[first + i] as { width: number; height: number },
        boxes,
        area,
      );
      if (!label) continue;
      boxes.push({ ...label, x });
      placed[i] = label;
    }
  }
  for (const label of placed) if (label) label.left += left;
  return { placed };
}

/** The page's picture from its axis and labels. */
function pageOf(
  timeline: Measured,
  first: number,
  chosen: readonly TimelineItem[],
  starts: readonly number[],
  anchors: readonly number[],
  labels: readonly (PlacedLabel | undefined)[],
  axisBreaks: readonly { x: number; from: number; to: number }[],
  at: { xOf: Map<string, number>; showAsOf: boolean },
): Omit<OverviewPage, "periods" | "marks"> {
  const { rows } = timeline;
  const events = chosen.map((item, i): PlacedEvent => {
    const x = anchors[i] as number;
    const row = rows[timeline.rowOf[first + i] as number] as Row;
    const label = labels[i];
    const placed: PlacedEvent = { index: first + i, x, y: row.axisY };
    if (label) {
      const edge = (row.lanes.find((l) => l.lane === label.lane) as Row["lanes"][number]).edge;
      const top = label.lane.side === "above" ? edge - label.height : edge;
      placed.label = { ...label, top };
      placed.leader =
        label.lane.side === "above"
          ? { x, top: edge, bottom: row.axisY }
          : { x, top: row.axisY, bottom: edge };
    }
    if (item.end) placed.xEnd = at.xOf.get(`end:${i}`);
    return placed;
  });

  const base = timeline.left + plot.margin;
  const segments: { left: number; right: number }[] = [];
  let left = base - 12;
  for (const b of axisBreaks) {
    segments.push({ left, right: base + b.x - 50 });
    left = base + b.x + 50;
  }
  segments.push({ left, right: plot.width - plot.margin + 12 });

  const breaks = axisBreaks.map((b) => ({
    x: base + b.x,
    duration: durationBetween(dateAt(timeline, first, b.from), dateAt(timeline, first, b.to)),
  }));
  const band = (rows[0] as Row).band;
  return {
    events,
    rows: rows.map((row) => row.axisY),
    segments,
    breaks,
    intervals: band ? intervals(chosen, starts, anchors, breaks, band) : [],
    asOf: at.showAsOf ? at.xOf.get("asOf:-1") : undefined,
  };
}

/**
 * The page with the periods it touches, their label rows under its lowest label or call-out, or
 * on the plot's floor clear of the labels there; undefined when they do not fit above `floor`.
 */
function withPeriods<T extends Omit<OverviewPage, "periods" | "marks">>(
  page: T,
  timeline: Measured,
  marks: readonly AxisMark[],
  floor: number = plot.height,
): (T & { periods: PlacedPeriod[]; marks: AxisMark[] }) | undefined {
  const { periods } = timeline;
  if (periods.length === 0) return { ...page, periods: [], marks: [...marks] };
  // The last line, and its dots, are over the rows; a dot without a label needs no room.
  const line = page.rows[page.rows.length - 1] as number;
  const boxes = [
    ...page.events.flatMap((e) =>
      e.label && e.leader
        ? [
            e.label,
            {
              left: e.leader.x - 1,
              top: e.leader.top,
              width: 2,
              height: e.leader.bottom - e.leader.top,
            },
          ]
        : [],
    ),
    ...page.intervals.map((i) => ({
      left: i.x1,
      top: plot.band.top + i.row * plot.band.row,
      width: i.x2 - i.x1,
      height: plot.band.row,
    })),
  ];
  // Under one axis the marks below it (breaks' words, spans) take 20 px; under lanes, the dots.
  const below = timeline.rows[0] === singleRow ? 20 : plot.rows.periodsBelow;
  const room = {
    plotWidth: plot.width,
    left: timeline.left,
    top: line + below,
    bottom: Math.max(line + below, ...boxes.map((b) => b.top + b.height)),
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
  band: { rows: number },
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
    for (let row = 0; row < band.rows; row++) {
      if (kept.some((k) => k.row === row && c.x1 < k.x2 + 4 && k.x1 < c.x2 + 4)) continue;
      kept.push({ ...c, row });
      break;
    }
  }
  return kept.sort((a, b) => a.row - b.row || a.x1 - b.x1);
}

export type { PlacedPeriod, TimelinePeriod };
export { labelText };
