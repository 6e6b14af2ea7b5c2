/** A moment to place on the axis, and how far it must stay from the moment before it. */
export interface AxisPoint {
  /** Milliseconds since the epoch (UTC). */
  time: number;
  /** Pixels to keep clear after the previous point, even when the two are close in time. */
  minGap: number;
}

/** Where a long empty stretch of time was cut out of the axis. */
export interface AxisBreak {
  /** The middle of the break, in pixels. */
  x: number;
  /** The first and last moment of the empty stretch. */
  from: number;
  to: number;
}

/** Positions for the points, in the order given, and the breaks between them. */
export interface AxisLayout {
  xs: number[];
  breaks: AxisBreak[];
}

/** Pixels a break takes on the axis, room for its "⋯ 39 years ⋯" label. */
export const breakWidth = 120;

// A gap this many times longer than the typical one between neighbouring moments is cut out.
const breakFactor = 8;

const day = 86_400_000;

// Each gap also gets this share of the room the typical gap gets, whatever its length: a day of
// five events is given room to read, not only the square root of its few hours.
const crowdShare = 0.5;

/**
 * Lays points out along an axis `width` pixels long: in time order, never closer than their
 * `minGap`, with the rest of the room shared by the square root of each gap, so that a year
 * takes more room than a day but not 365 times more, and by a fixed share for each gap, so that
 * where events crowd the axis spends more room. Gaps far longer than the typical one become
 * breaks of fixed width. Returns undefined when the points cannot fit. `points` must be sorted.
 */
export function placeOnAxis(points: readonly AxisPoint[], width: number): AxisLayout | undefined {
  if (points.length === 0) return { xs: [], breaks: [] };
  const gaps = points.map((p, i) =>
    i === 0 ? 0 : Math.max(0, p.time - (points[i - 1] as AxisPoint).time),
  );
  const positive = gaps.filter((g) => g > 0).sort((a, b) => a - b);
  const typical =
    positive.length > 0 ? (positive[Math.floor((positive.length - 1) / 2)] as number) : 0;
  const isBreak = gaps.map((g) => positive.length > 2 && g > typical * breakFactor && g > 30 * day);

  let fixed = 0;
  let weights = 0;
  let shared = 0;
  gaps.forEach((gap, i) => {
    if (i === 0) return;
    fixed += (points[i] as AxisPoint).minGap + (isBreak[i] ? breakWidth : 0);
    if (!isBreak[i]) {
      weights += Math.sqrt(gap / day);
      shared += 1;
    }
  });
  const free = width - fixed;
  if (free < 0) return undefined;
  // The fixed share of a gap, in the units of the square roots: half the mean gap's weight.
  const crowd = weights > 0 ? (crowdShare * weights) / shared : 0;
  const weightOf = (gap: number) => Math.sqrt(gap / day) + crowd;
  const total = weights + crowd * shared;
  // A single point, or points all at one moment, sit together in the middle.
  const scale = weights > 0 ? free / total : 0;
  let x = weights > 0 ? 0 : free / 2;

  const xs: number[] = [];
  const breaks: AxisBreak[] = [];
  points.forEach((point, i) => {
    if (i > 0) {
      const prev = points[i - 1] as AxisPoint;
      if (isBreak[i]) {
        breaks.push({ x: x + (breakWidth + point.minGap) / 2, from: prev.time, to: point.time });
        x += breakWidth + point.minGap;
      } else {
        x += point.minGap + weightOf(gaps[i] as number) * scale;
      }
    }
    xs.push(Math.min(x, width));
  });
  return { xs, breaks };
}
