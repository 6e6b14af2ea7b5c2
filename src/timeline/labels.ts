// Where the overview's event labels go: a size model for their text, and lanes above and below
// the axis in which labels are placed left to right without touching each other or crossing
// another label's leader line. The numbers match templates/theme/timeline.css.
import {
  breaksBetween,
  classOf,
  isSpace,
  type LineBreaks,
  wordStarts,
} from "../model/line-breaks.js";

/** The text size model for a label: title lines of 18 px type under a 14 px date line. */
export const labelText = {
  /** A safe (wide) estimate of one character's width at the title size, in pixels. */
  charWidth: 9.6,
  titleLine: 22,
  dateLine: 18,
  maxTitleLines: 3,
  minWidth: 150,
  /** The plot's width: a word wider than that (a hash, a URL) breaks, as the theme lets it. */
  maxWidth: 1136,
  padding: 2,
  /**
   * A badge after the date (.tl__badge): its margin, padding and borders in px, and a safe
   * width of each of its 10 px capitals with their letter spacing.
   */
  badge: { frame: 18, charWidth: 8.6 },
  /**
   * The separator between the date and a location, in Latin letters: safe for the catalogue's
   * (" · ", " | ", the Japanese "・", which counts two).
   */
  separator: 3,
};

/**
 * The label's box size for a title, by simulated word wrap with the brief's line breaks, the
 * theme's: Korean words whole, Japanese and Chinese between characters (`breaks`), Thai, Lao,
 * Khmer and Myanmar between the words of ICU's dictionary. A `location` joins the date's line
 * only where it fits in the width the title and date already give the box: it never widens
 * the box nor adds a line, and `location` in the result says whether it is shown.
 */
export function labelSize(
  title: string,
  dateText: string,
  breaks: LineBreaks = "keep-all",
  badge?: string,
  location?: string,
  /** The most lines the title may take; the box widens until it fits them. */
  maxTitleLines: number = labelText.maxTitleLines,
): { width: number; height: number; lines: number; location: boolean } {
  const { charWidth, titleLine, dateLine, minWidth, maxWidth, padding } = labelText;
  const words = wordsOf(title, breaks);
  // The date's line never wraps: the box is as wide as it, with its badge.
  const dateWidth = dateLineWidth(dateText, badge);
  const longestWord = Math.max(...words.map((w) => w.width), dateWidth);
  let width = Math.min(maxWidth, Math.max(minWidth, longestWord * charWidth + 2 * padding));
  let lines = wrapWords(words, (width - 2 * padding) / charWidth);
  while (lines > maxTitleLines && width < maxWidth) {
    width = Math.min(maxWidth, width + 20);
    lines = wrapWords(words, (width - 2 * padding) / charWidth);
  }
  return {
    width: Math.ceil(width),
    height: dateLine + lines * titleLine + 2 * padding,
    lines,
    location: location !== undefined && locationFits(Math.ceil(width), dateText, badge, location),
  };
}

/**
 * True when a label box `width` px wide has room on its date line for the location after the
 * date and its separator, with the badge: the overview shows the location only then.
 */
export function locationFits(
  width: number,
  dateText: string,
  badge: string | undefined,
  location: string,
): boolean {
  const line =
    dateLineWidth(dateText, badge) + (labelText.separator + textWidth(location)) * (14 / 18);
  return line * labelText.charWidth + 2 * labelText.padding <= width;
}

/** The date line's width in Latin letters at the title's size: its 14 px date and badge. */
function dateLineWidth(dateText: string, badge: string | undefined): number {
  const { charWidth } = labelText;
  const badgeWidth =
    badge === undefined
      ? 0
      : (labelText.badge.frame + textWidth(badge) * labelText.badge.charWidth) / charWidth;
  return textWidth(dateText) * (14 / 18) + badgeWidth;
}

const wide =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

/** A text's width in Latin letters: East Asian wide characters count as two. */
export function textWidth(text: string): number {
  return text.length + (text.match(wide)?.length ?? 0);
}

/** A piece of a title no line breaks inside: its width in Latin letters, and a space before it. */
interface Word {
  width: number;
  spaced: boolean;
}

/** The pieces of `text` between the places a line may break (see `breaksBetween`). */
function wordsOf(text: string, breaks: LineBreaks): Word[] {
  const words: Word[] = [];
  let piece = "";
  let spaced = false;
  let afterSpace = false;
  let before = 0;
  const starts = wordStarts(text);
  let at = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const index = at;
    at += char.length;
    if (isSpace(code)) {
      afterSpace = piece.length > 0 || words.length > 0;
      continue;
    }
    const bits = classOf(code);
    if (piece && breaksBetween(before, bits, afterSpace, breaks, starts?.has(index))) {
      words.push({ width: textWidth(piece), spaced });
      piece = "";
      spaced = afterSpace;
    } else if (piece && afterSpace) {
      piece += " ";
    }
    piece += char;
    afterSpace = false;
    before = bits;
  }
  if (piece) words.push({ width: textWidth(piece), spaced });
  return words;
}

/** How many lines `text` takes when words are wrapped at `chars` characters a line. */
export function wrap(text: string, chars: number, breaks: LineBreaks = "keep-all"): number {
  return wrapWords(wordsOf(text, breaks), chars);
}

function wrapWords(words: readonly Word[], chars: number): number {
  let lines = 1;
  let used = 0;
  for (const word of words) {
    let w = word.width;
    const space = used > 0 && word.spaced ? 1 : 0;
    if (used > 0 && used + space + w > chars) {
      lines++;
      used = 0;
    }
    // A word longer than a line breaks anywhere.
    while (w > chars) {
      lines++;
      w -= Math.floor(chars);
    }
    used += (used > 0 ? space : 0) + w;
  }
  return lines;
}

/** A lane: which side of the axis, and how far out (1 is next to the axis). */
export interface Lane {
  side: "above" | "below";
  level: 1 | 2;
}

export const lanes: readonly Lane[] = [
  { side: "above", level: 1 },
  { side: "below", level: 1 },
  { side: "above", level: 2 },
  { side: "below", level: 2 },
];

/** A placed label: its box's left edge and width, in the lane it went to. */
export interface PlacedLabel {
  lane: Lane;
  left: number;
  width: number;
  height: number;
}

/** The geometry labels are laid out in. */
export interface LabelArea {
  width: number;
  /** The height of one lane: the tallest label that fits in it. */
  laneHeight: number;
  /** The lanes to use, nearest the axis first: all four, two each side, unless given. */
  lanes?: readonly Lane[];
}

/** Where labels went, or which label found no room and how far right its anchor would need to be. */
export type Placement = { labels: PlacedLabel[] } | { failed: number; short: number };

const gap = 12;
// The leader line meets the box at least this far in from its edge.
const inset = 10;

type Box = PlacedLabel & { x: number };

/**
 * Places one label per anchor (x positions in increasing order) into the lanes, each box
 * horizontally over its anchor so its leader line can drop straight to the axis, in the first
 * lane where it touches no other box and crosses no leader. When some label has no room, says
 * which, and how many pixels further right its anchor would have had to be for it to fit
 * (Infinity when no move would do): the axis can then give that event more room and try again,
 * or the page take fewer events.
 */
export function tryLabels(
  anchors: readonly number[],
  sizes: readonly { width: number; height: number }[],
  area: LabelArea,
): Placement {
  const used = area.lanes ?? lanes;
  const placed: Box[] = [];
  const rightEdge = new Map<Lane, number>(used.map((lane) => [lane, Number.NEGATIVE_INFINITY]));
  for (const [i, x] of anchors.entries()) {
    const size = sizes[i] as { width: number; height: number };
    if (size.height > area.laneHeight || size.width > area.width) {
      return { failed: i, short: Number.POSITIVE_INFINITY };
    }
    let found: Box | undefined;
    let short = Number.POSITIVE_INFINITY;
    for (const lane of used) {
      const wanted = Math.min(Math.max(x - size.width / 2, 0), area.width - size.width);
      const left = Math.max(wanted, (rightEdge.get(lane) as number) + gap);
      if (left + size.width > area.width) continue;
      if (left > x - inset) {
        short = Math.min(short, left - (x - inset));
        continue;
      }
      const box = { lane, left, width: size.width, height: size.height, x };
      const hit = placed.find((other) => crosses(box, other) || crosses(other, box));
      if (hit) {
        // Past the box its leader would cross, or far enough that the box clears the leader.
        short = Math.min(
          short,
          crosses(box, hit) ? hit.left + hit.width + 3 - x : hit.x + 3 - left,
        );
        continue;
      }
      found = box;
      break;
    }
    if (!found) return { failed: i, short: Math.max(1, short) };
    rightEdge.set(found.lane, found.left + found.width);
    placed.push(found);
  }
  return { labels: placed.map(({ x: _x, ...label }) => label) };
}

/**
 * One more label among labels already placed, in any order: in the first lane where some
 * position over its anchor touches no other box and crosses no leader, the one nearest to
 * centred. Undefined when there is none: the event is then drawn as a dot without a label.
 */
export function placeAmong(
  x: number,
  size: { width: number; height: number },
  placed: readonly Box[],
  area: LabelArea,
): PlacedLabel | undefined {
  if (size.height > area.laneHeight || size.width > area.width) return undefined;
  const centred = Math.min(Math.max(x - size.width / 2, 0), area.width - size.width);
  for (const lane of area.lanes ?? lanes) {
    const inLane = placed.filter((other) => other.lane === lane);
    const candidates = [
      centred,
      ...inLane.flatMap((other) => [other.left + other.width + gap, other.left - gap - size.width]),
    ].sort((a, b) => Math.abs(a - centred) - Math.abs(b - centred));
    for (const left of candidates) {
      if (left < 0 || left + size.width > area.width) continue;
      if (left > x - inset || left + size.width < x + inset) continue;
      const box = { lane, left, width: size.width, height: size.height, x };
      if (inLane.some((o) => left < o.left + o.width + gap && o.left < left + size.width + gap)) {
        continue;
      }
      if (placed.some((other) => crosses(box, other) || crosses(other, box))) continue;
      return { lane, left, width: size.width, height: size.height };
    }
  }
  return undefined;
}

/** True when `outer`'s leader line passes through `inner`'s box on its way to the axis. */
function crosses(outer: Box, inner: Box): boolean {
  return (
    outer.lane.side === inner.lane.side &&
    outer.lane.level > inner.lane.level &&
    outer.x >= inner.left - 2 &&
    outer.x <= inner.left + inner.width + 2
  );
}
