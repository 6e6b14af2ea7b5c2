// Periods on the overview: soft bands of time behind the plot ("Kim Jong-un in power"), each
// with its label in a row under everything else. Pure: the overview's layout calls
// `placePeriods` once a page's events are placed.

/** A period as the layout needs it: when it runs, and how wide its label's words are. */
export interface TimelinePeriod {
  /** The instant it starts (ms, UTC): the start of its start date. */
  start: number;
  /** The instant it ends: the end of its end date, or the as-of instant for an open period. */
  end: number;
  /** The width of its label's words in px, as `periodRows` sets them. */
  labelWidth: number;
}

/** A moment drawn on a page's axis, and where: what a time between moments is measured from. */
export interface AxisMark {
  time: number;
  x: number;
}

/** A period on one overview page: its band, and its label in one of the rows under the plot. */
export interface PlacedPeriod {
  /** Index into the periods given to `layoutOverview`. */
  index: number;
  /** The band's edges, in px within the plot. */
  left: number;
  right: number;
  label: { left: number; top: number; width: number; row: number };
}

/**
 * The label rows under the plot, as templates/theme/timeline.css sets `.tl__period-label`: 13 px
 * type on an 18 px line, 4 px padding either side, 6 px clear of what is above the first row,
 * labels 8 px apart in a row.
 */
export const periodRows = { gap: 6, row: 18, padding: 4, apart: 8, minBand: 4 };

/**
 * Where `time` falls on a page's axis: between two neighbouring marks, in proportion to the time
 * between them, so a time inside an axis break lands inside the break and a band across a break
 * stays whole; before the first mark or after the last, at the drawn axis's end (`axis`). At a
 * moment drawn more than once (two events on one day, the as-of date after them), the first of
 * them, or the last for `at: "last"` (where a period ends). `marks` must be in time order with
 * their xs never decreasing. Never decreasing in `time`.
 */
export function xAtTime(
  marks: readonly AxisMark[],
  axis: { left: number; right: number },
  time: number,
  at: "first" | "last" = "first",
): number {
  const first = marks[0];
  const last = marks[marks.length - 1];
  if (!first || !last || time > last.time) return axis.right;
  if (time < first.time) return axis.left;
  const k = marks.findIndex((m) => m.time >= time);
  const after = marks[k] as AxisMark;
  if (after.time === time) {
    if (at === "first") return after.x;
    let j = k;
    while ((marks[j + 1] as AxisMark | undefined)?.time === time) j++;
    return (marks[j] as AxisMark).x;
  }
  const before = marks[k - 1] as AxisMark;
  return before.x + ((after.x - before.x) * (time - before.time)) / (after.time - before.time);
}

/** Whether a period runs through any of the time from `from` to `to`, both included. */
export function touches(period: TimelinePeriod, from: number, to: number): boolean {
  return period.start <= to && period.end >= from;
}

/** A box on the plot a period's label must keep clear of: an event's label, a leader line. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where on a page the periods' label rows may go, and what they must keep clear of. */
export interface PeriodRoom {
  plotWidth: number;
  /** Where labels may start: after the lanes' names, when the timeline has lanes. */
  left?: number;
  /** The highest a row may start: under the axis and its marks. */
  top: number;
  /** The lowest edge of the page's labels and call-outs: the rows go under it where they fit. */
  bottom: number;
  /** The plot's floor, which no row passes. */
  floor: number;
  /** The events' label boxes, leader lines and call-outs, which no period label covers. */
  boxes: readonly Box[];
}

/**
 * The periods a page shows: every one that touches the time from its first mark to its last,
 * its band from where it starts to where it ends on this page (within `axis`). Their labels go
 * in rows under everything else on the page; where that would pass the floor, the rows stand
 * on the floor instead, and each label keeps clear of the events' labels there, moving right
 * within its band past one in its way, or to the next row. A label starts at its band's left
 * edge where it can, never touches another period's label, and stays on the plot. Returns
 * undefined when the labels cannot all be placed, so the page takes fewer events; with an
 * infinite floor it always returns.
 */
export function placePeriods(
  periods: readonly TimelinePeriod[],
  marks: readonly AxisMark[],
  axis: { left: number; right: number },
  room: PeriodRoom,
): PlacedPeriod[] | undefined {
  const first = marks[0];
  const last = marks[marks.length - 1];
  if (!first || !last) return [];
  const bands = periods
    .map((period, index) => ({ period, index }))
    .filter(({ period }) => touches(period, first.time, last.time))
    .map(({ period, index }) => {
      let left = xAtTime(marks, axis, period.start);
      let right = xAtTime(marks, axis, period.end, "last");
      // A period of a day among months is still seen.
      if (right - left < periodRows.minBand) {
        right = Math.min(axis.right, (left + right) / 2 + periodRows.minBand / 2);
        left = right - periodRows.minBand;
      }
      const width = Math.min(
        room.plotWidth - (room.left ?? 0),
        period.labelWidth + 2 * periodRows.padding,
      );
      return { index, left, right, width };
    })
    // Left to right, the longer first where two start together, so rows read in time order.
    .sort((a, b) => a.left - b.left || b.right - a.right || a.index - b.index);
  if (bands.length === 0) return [];

  // Every label at its band's edge in as few rows as that takes; failing that, some moved right.
  for (const move of [false, true]) {
    for (let rows = 1; rows <= bands.length || Number.isFinite(room.floor); rows++) {
      const base = Math.min(room.bottom + periodRows.gap, room.floor - rows * periodRows.row);
      if (base < room.top) break;
      const placed = placeInRows(bands, rows, base, room, move);
      if (placed) return placed;
    }
  }
  return undefined;
}

type Band = { index: number; left: number; right: number; width: number };

// Each label in the first of `rows` rows from `base` where it fits, at its band's left edge or,
// if it may `move`, just past what is in its way; undefined when one fits in none.
function placeInRows(
  bands: readonly Band[],
  rows: number,
  base: number,
  room: PeriodRoom,
  move: boolean,
): PlacedPeriod[] | undefined {
  const placed: PlacedPeriod[] = [];
  const { apart, row: height } = periodRows;
  for (const band of bands) {
    const start = Math.max(room.left ?? 0, Math.min(band.left, room.plotWidth - band.width));
    let spot: PlacedPeriod["label"] | undefined;
    for (let row = 0; row < rows && !spot; row++) {
      const top = base + row * height;
      const inRow = [
        ...room.boxes.filter((b) => b.top < top + height && top < b.top + b.height),
        ...placed.filter((p) => p.label.row === row).map((p) => p.label),
      ];
      let left = start;
      // Moves past each thing in the way; the label still starts inside its band.
      for (;;) {
        const blocker = inRow.find(
          (b) => left < b.left + b.width + apart && b.left < left + band.width + apart,
        );
        if (!blocker) {
          spot = { left, top, width: band.width, row };
          break;
        }
        left = blocker.left + blocker.width + apart;
        if (!move || left + band.width > room.plotWidth || left >= band.right) break;
      }
    }
    if (!spot) return undefined;
    placed.push({ index: band.index, left: band.left, right: band.right, label: spot });
  }
  return placed;
}
