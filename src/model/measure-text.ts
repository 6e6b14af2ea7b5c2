// How wide text is in the deck's own fonts, and how many lines it wraps to, without a browser:
// slides are split by what really fits. The widths are the fonts' own advances (no kerning or
// ligatures, which only narrow Latin text), read once a process from the WOFF files of the
// @fontsource packages the theme's fonts.css names.
import { readFileSync } from "node:fs";
import { unicodeRanges } from "../export/drawn-characters.js";
import { fontSource, themeFontsCss } from "../export/script-fonts.js";
import { packageRequire as require } from "../paths.js";

/** How a run of text is set: the CSS font-size and letter-spacing in px, and the weight. */
export interface TextStyle {
  size: number;
  weight: 400 | 600 | 700;
  letterSpacing?: number;
  uppercase?: boolean;
}

interface Face {
  family: string;
  weights: [number, number];
  file: string;
  ranges: [number, number][];
  /** The least and the greatest code point of the ranges. */
  from: number;
  to: number;
  /** Advances in em, read when the face is first needed. */
  advances?: Map<number, number>;
}

let faces: Face[] | undefined;

/** The theme's upright faces, in the order fonts.css lists them (Source Sans 3 first). */
function themeFaces(): Face[] {
  faces ??= [...themeFontsCss().matchAll(/@font-face\s*{([^}]*)}/g)].flatMap((match) => {
    const rule = match[1] as string;
    const family = /font-family:\s*"([^"]+)"/.exec(rule)?.[1];
    const file = /url\("\.\.\/fonts\/([^"]+)\.woff2"\)/.exec(rule)?.[1];
    const weight = /font-weight:\s*(\d+)(?:\s+(\d+))?/.exec(rule);
    const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
    if (!family || !file || !weight || /font-style:\s*italic/.test(rule)) return [];
    const from = Number(weight[1]);
    const ranges: [number, number][] = range ? unicodeRanges(range) : [[0, 0x10ffff]];
    return [
      {
        family,
        weights: [from, Number(weight[2] ?? from)] as [number, number],
        // The same font as the deck's WOFF2, in the WOFF form Node can unpack.
        file: `${file}.woff`,
        ranges,
        from: Math.min(...ranges.map(([start]) => start)),
        to: Math.max(...ranges.map(([, end]) => end)),
      },
    ];
  });
  return faces;
}

function advancesOf(face: Face): Map<number, number> {
  face.advances ??= readAdvances(readFileSync(fontSource(face.file)));
  return face.advances;
}

const needed = ["cmap", "head", "hhea", "hmtx"];

/** Each mapped code point's advance in em, from a WOFF file's cmap, hmtx, hhea and head. */
export function readAdvances(woff: Uint8Array): Map<number, number> {
  const file = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  // Loaded only now: loading zlib is a cost of its own to Node, which a run that measures
  // nothing should not pay.
  const { inflateSync } = require("node:zlib") as typeof import("node:zlib");
  const tables = new Map<string, DataView>();
  for (let i = 0; i < file.getUint16(12); i++) {
    const entry = 44 + 20 * i;
    const tag = String.fromCharCode(...woff.subarray(entry, entry + 4));
    // The glyphs' outlines, by far the most of a font, are left packed.
    if (!needed.includes(tag)) continue;
    const [offset, compressed, length] = [4, 8, 12].map((f) => file.getUint32(entry + f)) as [
      number,
      number,
      number,
    ];
    const stored = woff.subarray(offset, offset + compressed);
    const bytes = compressed < length ? inflateSync(stored) : stored;
    tables.set(tag, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  const table = (tag: string) => {
    const found = tables.get(tag);
    if (!found) throw new Error(`a font without its ${tag} table`);
    return found;
  };
  const upem = table("head").getUint16(18);
  const metrics = table("hhea").getUint16(34);
  const hmtx = table("hmtx");
  const advance = (glyph: number) => hmtx.getUint16(4 * Math.min(glyph, metrics - 1)) / upem;
  const advances = new Map<number, number>();
  for (const [code, glyph] of glyphsOf(table("cmap"))) {
    if (glyph !== 0) advances.set(code, advance(glyph));
  }
  return advances;
}

/** The glyph of each code point, from the cmap's Unicode subtable (format 12, else format 4). */
function glyphsOf(cmap: DataView): Map<number, number> {
  const glyphs = new Map<number, number>();
  const subtables = Array.from({ length: cmap.getUint16(2) }, (_, i) =>
    cmap.getUint32(4 + 8 * i + 4),
  );
  const format12 = subtables.find((at) => cmap.getUint16(at) === 12);
  if (format12 !== undefined) {
    for (let g = 0; g < cmap.getUint32(format12 + 12); g++) {
      const group = format12 + 16 + 12 * g;
      const [from, to, first] = [0, 4, 8].map((f) => cmap.getUint32(group + f)) as number[];
      for (let code = from as number; code <= (to as number); code++) {
        glyphs.set(code, (first as number) + code - (from as number));
      }
    }
    return glyphs;
  }
  const at = subtables.find((offset) => cmap.getUint16(offset) === 4);
  if (at === undefined) return glyphs;
  const segments = cmap.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const end = cmap.getUint16(ends + 2 * s);
    const start = cmap.getUint16(starts + 2 * s);
    const delta = cmap.getUint16(deltas + 2 * s);
    const rangeOffset = cmap.getUint16(rangeOffsets + 2 * s);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      const found =
        rangeOffset === 0
          ? code
          : cmap.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (code - start));
      glyphs.set(code, rangeOffset !== 0 && found === 0 ? 0 : (found + delta) & 0xffff);
    }
  }
  return glyphs;
}

// Han, kana, Hangul and the full-width forms: Noto Sans CJK, the deck's fallback for them (cut
// from the system's copy), sets every one of them a full em wide.
const wideRanges: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];
const isWide = (code: number) => wideRanges.some(([from, to]) => code >= from && code <= to);
const emoji = /\p{Emoji_Presentation}/u;
const invisible = /[\p{Mn}\p{Me}\p{Cf}]/u;

// By weight, then code point: a build measures the same few hundred characters again and again.
const widths = new Map<number, Map<number, number>>();

/**
 * A code point's advance in em at a weight: from the first face of the theme that draws it,
 * emoji from Noto Emoji, Han, kana and Hangul a full em. Characters no shipped font draws are
 * left to the system's fonts, and counted a full em, wider than almost any of them.
 */
function advance(code: number, weight: number): number {
  let known = widths.get(weight);
  if (!known) {
    known = new Map();
    widths.set(weight, known);
  }
  let width = known.get(code);
  if (width === undefined) {
    width = lookUp(code, weight);
    known.set(code, width);
  }
  return width;
}

function lookUp(code: number, weight: number): number {
  const char = String.fromCodePoint(code);
  const wide = isWide(code);
  const isEmoji = emoji.test(char);
  for (const [family, faces] of themeFamilies()) {
    if (family !== "Source Sans 3" && (wide || (family === "Noto Emoji" && !isEmoji))) continue;
    const face = faces
      .filter(
        (f) => code >= f.from && code <= f.to && f.ranges.some(([a, b]) => code >= a && code <= b),
      )
      .sort((a, b) => distance(a.weights, weight) - distance(b.weights, weight))
      .find((f) => advancesOf(f).has(code));
    if (face) return advancesOf(face).get(code) as number;
  }
  return invisible.test(char) ? 0 : 1;
}

let families: Map<string, Face[]> | undefined;

/** The theme's faces by family, the families in the order fonts.css lists them. */
function themeFamilies(): Map<string, Face[]> {
  if (!families) {
    families = new Map();
    for (const face of themeFaces()) {
      families.set(face.family, [...(families.get(face.family) ?? []), face]);
    }
  }
  return families;
}

function distance([from, to]: [number, number], weight: number): number {
  return weight < from ? from - weight : weight > to ? weight - to : 0;
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

// Where the browser never breaks, even after a space: before closing punctuation, and after
// opening punctuation (UAX #14's CL, CP, EX, IS, SY and OP; Japanese and Chinese closing marks,
// small kana and the prolonged sound mark, which strict line breaking keeps off a line's start).
const noBreakBefore =
  /[)\]}!?,.:;/\u3001\u3002\u300d\u300f\u3011\u3015\u3009\u300b\u301f\uff09\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\uff3d\uff5d\u30fb\u30fc\u2026\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308e\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7\u30ee\u30f5\u30f6\u3005\u309d\u309e\u30fd\u30fe]/u;
const noBreakAfter = /[([{\u300c\u300e\u3010\u3014\u3008\u300a\u301d\uff08\uff3b\uff5b]/u;
// Thai, Lao, Myanmar and Khmer are written without spaces; the browser breaks them between
// words it finds in a dictionary, and so may end a line up to a word short of full.
const unspaced = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/u;
const unspacedSlack = 3; // em

const [wideClass, noBreakBeforeClass, noBreakAfterClass, unspacedClass] = [1, 2, 4, 8];
const classes = new Map<number, number>();

/** How a character takes part in line breaking, as bits of the classes above. */
function classOf(code: number): number {
  let bits = classes.get(code);
  if (bits === undefined) {
    const char = String.fromCodePoint(code);
    bits =
      (isWide(code) ? wideClass : 0) |
      (noBreakBefore.test(char) ? noBreakBeforeClass : 0) |
      (noBreakAfter.test(char) ? noBreakAfterClass : 0) |
      (unspaced.test(char) ? unspacedClass : 0);
    classes.set(code, bits);
  }
  return bits;
}

const sum = (widths: readonly number[]) => widths.reduce((total, w) => total + w, 0);
const isSpace = (code: number) =>
  code === 32 || code === 9 || code === 10 || code === 13 || code === 12;

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
 * A line may end after spaces, and between two Han, kana or Hangul characters. That is fewer
 * places than the browser may break (it also breaks after hyphens and slashes, and before and
 * after a Han character beside a Latin one), so the count is never smaller than the browser's.
 */
export function lineCount(runs: readonly TextRun[], width: number): number {
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
    for (const char of style.uppercase ? text.toUpperCase() : text) {
      const code = char.codePointAt(0) as number;
      if (isSpace(code)) {
        // Spaces only ever follow a piece's characters: those at the start are dropped.
        if (!afterSpace && widths.length > 0) {
          space += advance(32, style.weight) * style.size + spacing;
          afterSpace = true;
        }
        continue;
      }
      const bits = classOf(code);
      const breaks =
        widths.length > 0 &&
        !(bits & noBreakBeforeClass) &&
        !(before & noBreakAfterClass) &&
        (afterSpace || (before & bits & wideClass) !== 0);
      if (breaks) flush();
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
