// How wide text is in the deck's own fonts (font-advances.ts), and how many lines it wraps to
// by the brief's line-breaking rules (line-breaks.ts), without a browser: slides are split by
// what really fits.
import { advance } from "./font-advances.js";
import {
  breaksBetween,
  classOf,
  isSpace,
  type LineBreaks,
  unspacedClass,
  wordStarts,
} from "./line-breaks.js";

/** How a run of text is set: the CSS font-size and letter-spacing in px, and the weight. */
export interface TextStyle {
  size: number;
  weight: 400 | 600 | 700;
  letterSpacing?: number;
  uppercase?: boolean;
}

/** The width in px of `text` set in `style`, on one line. */
export function textWidth(text: string, style: TextStyle): number {
  let width = 0;
  for (const char of style.uppercase ? text.toUpperCase() : text) {
    width += advance(char.codePointAt(0) as number, style.weight) * style.size;
    width += style.letterSpacing ?? 0;
  }
  return width;
}

/** A stretch of text in one style, as a text of mixed weights is made of. */
export interface TextRun {
  text: string;
  style: TextStyle;
}

// Thai, Lao, Myanmar and Khmer lines may end up to a word short of full (line-breaks.ts).
const unspacedSlack = 3; // em

const sum = (widths: readonly number[]) => widths.reduce((total, w) => total + w, 0);

// Inside a piece too long for a line (a URL), the browser still prefers to break after a
// slash or a hyphen before a letter, and breaks anywhere only where there is no such place.
function partsOf(codes: readonly number[], widths: readonly number[]): number[][] {
  const parts: number[][] = [[]];
  widths.forEach((width, i) => {
    (parts[parts.length - 1] as number[]).push(width);
    const next = codes[i + 1];
    if (
      (codes[i] === 0x2f || codes[i] === 0x2d) &&
      next !== undefined &&
      /\p{L}/u.test(String.fromCodePoint(next))
    ) {
      parts.push([]);
    }
  });
  return parts;
}

/**
 * How many lines `runs` wrap to in a box `width` px wide, broken greedily as the browser does,
 * and a piece longer than a line (a hash, a URL) broken anywhere (`overflow-wrap: anywhere`).
 *
 * A line may end where `breaks` lets it (see `breaksBetween`): fewer places than the browser
 * may break, so the count is never smaller than the browser's.
 */
export function lineCount(
  runs: readonly TextRun[],
  width: number,
  breaks: LineBreaks = "keep-all",
): number {
  // A pixel short of the box, for the browser's rounding of positions to 1/64 px.
  const room = width - 1;
  // Most items of a list fit one line: a sum of widths tells, with no breaking to do.
  if (runs.reduce((total, run) => total + textWidth(run.text, run.style), 0) <= room) return 1;
  let lines = 1;
  let used = 0;
  const place = (widths: readonly number[], limit: number, split: () => number[][]) => {
    const total = sum(widths);
    if (used + total <= room) {
      used += total;
      return;
    }
    if (used > 0) {
      lines++;
      used = 0;
    }
    if (total <= room) {
      used = total;
      return;
    }
    const parts = split();
    if (parts.length > 1) {
      for (const part of parts) place(part, limit, () => [part]);
      return;
    }
    for (const w of widths) {
      if (used > 0 && used + w > limit) {
        lines++;
        used = 0;
      }
      used += w;
    }
  };
  // The piece being read: its characters and their widths, the spaces after it (which hang at
  // the end of a line), and the font size of any Thai… in it.
  let codes: number[] = [];
  let widths: number[] = [];
  let space = 0;
  let unspacedSize = 0;
  let afterSpace = false;
  let before = 0;
  const flush = () => {
    const [pieceCodes, pieceWidths] = [codes, widths];
    place(pieceWidths, room - unspacedSlack * unspacedSize, () => partsOf(pieceCodes, pieceWidths));
    used += space;
    codes = [];
    widths = [];
    space = 0;
    unspacedSize = 0;
  };
  for (const { text, style } of runs) {
    const spacing = style.letterSpacing ?? 0;
    const set = style.uppercase ? text.toUpperCase() : text;
    const starts = wordStarts(set);
    let at = 0;
    for (const char of set) {
      const code = char.codePointAt(0) as number;
      const index = at;
      at += char.length;
      if (isSpace(code)) {
        // Spaces only ever follow a piece's characters: those at the start are dropped.
        if (!afterSpace && widths.length > 0) {
          space += advance(32, style.weight) * style.size + spacing;
          afterSpace = true;
        }
        continue;
      }
      const bits = classOf(code);
      const wordStart = starts?.has(index) ?? false;
      if (widths.length > 0 && breaksBetween(before, bits, afterSpace, breaks, wordStart)) flush();
      else if (afterSpace && widths.length > 0) {
        codes.push(32);
        widths.push(space);
        space = 0;
      }
      codes.push(code);
      widths.push(advance(code, style.weight) * style.size + spacing);
      if (bits & unspacedClass) unspacedSize = Math.max(unspacedSize, style.size);
      afterSpace = false;
      before = bits;
    }
  }
  if (widths.length > 0) flush();
  return lines;
}
