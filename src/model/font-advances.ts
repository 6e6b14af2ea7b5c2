// The advances of the deck's own fonts, read once a process from the WOFF files of the
// @fontsource packages the theme's fonts.css names: how wide each character is set, without a
// browser. No kerning or ligatures, which only narrow Latin text.
import { readFileSync } from "node:fs";
import { brokenInstall } from "../errors.js";
import { unicodeRanges } from "../export/drawn-characters.js";
import { fontSource, themeFontsCss } from "../export/script-fonts.js";
import { glyphsOf } from "../export/sfnt.js";
import { packageRequire as require } from "../paths.js";

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

let families: Map<string, Face[]> | undefined;

/** The theme's upright faces by family, the families in the order fonts.css lists them. */
function themeFamilies(): Map<string, Face[]> {
  if (families) return families;
  families = new Map();
  for (const match of themeFontsCss().matchAll(/@font-face\s*{([^}]*)}/g)) {
    const rule = match[1] as string;
    const family = /font-family:\s*"([^"]+)"/.exec(rule)?.[1];
    const file = /url\("\.\.\/fonts\/([^"]+)\.woff2"\)/.exec(rule)?.[1];
    const weight = /font-weight:\s*(\d+)(?:\s+(\d+))?/.exec(rule);
    const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
    if (!family || !file || !weight || /font-style:\s*italic/.test(rule)) continue;
    const from = Number(weight[1]);
    const ranges: [number, number][] = range ? unicodeRanges(range) : [[0, 0x10ffff]];
    const face: Face = {
      family,
      weights: [from, Number(weight[2] ?? from)],
      // The same font as the deck's WOFF2, in the WOFF form Node can unpack.
      file: `${file}.woff`,
      ranges,
      from: Math.min(...ranges.map(([start]) => start)),
      to: Math.max(...ranges.map(([, end]) => end)),
    };
    families.set(family, [...(families.get(family) ?? []), face]);
  }
  return families;
}

function advancesOf(face: Face): Map<number, number> {
  face.advances ??= readAdvances(readFileSync(fontSource(face.file)));
  return face.advances;
}

const needed = ["cmap", "head", "hhea", "hmtx"];

/** Each mapped code point's advance in em, from a WOFF file's cmap, hmtx, hhea and head. */
export function readAdvances(woff: Uint8Array): Map<number, number> {
  const file = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  // Loaded only now: Node takes 5 to 15 ms to load zlib, which a run that measures nothing
  // should not pay.
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
    if (!found) throw brokenInstall(`a font of the theme has no ${tag} table`);
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

// Han, kana, Hangul and the full-width forms: the cut of Noto Sans KR, JP, SC or TC the deck
// carries for them (fallback-font.ts) sets them a full em wide, but for the Hangul syllables,
// which Noto Sans KR (the only one of the four that has them) sets 0.92 em wide.
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

/** Whether a code point is of Han, kana, Hangul or the full-width forms. */
export const isWide = (code: number) => wideRanges.some(([from, to]) => code >= from && code <= to);
const hangulSyllable = 0.92;
const emoji = /\p{Emoji_Presentation}/u;
const invisible = /[\p{Mn}\p{Me}\p{Cf}]/u;

// By weight, then code point: a build measures the same few hundred characters again and again.
const widths = new Map<number, Map<number, number>>();

/**
 * A code point's advance in em at a weight: from the first face of the theme that draws it,
 * emoji from Noto Emoji, Han, kana and Hangul a full em. Characters no shipped font draws are
 * left to the system's fonts, and counted a full em, wider than almost any of them.
 */
export function advance(code: number, weight: number): number {
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
  if (code >= 0xac00 && code <= 0xd7a3) return hangulSyllable;
  return invisible.test(char) ? 0 : 1;
}

function distance([from, to]: [number, number], weight: number): number {
  return weight < from ? from - weight : weight > to ? weight - to : 0;
}
