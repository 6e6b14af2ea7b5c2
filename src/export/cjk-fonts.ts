// The fonts a deck draws Hangul, kana and Han in: the variable Noto Sans KR, JP, SC and TC of
// @fontsource-variable, each split by the package into WOFF2 files of a few hundred characters
// (its unicode.json), so that a brief's few characters are read from a few small files.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { packageFolder } from "../package-folder.js";
import { packageRequire as require } from "../paths.js";
import { unicodeRanges } from "./drawn-characters.js";

/** One of the four regional cuts of Noto Sans CJK the deck can draw with. */
export type CjkFont = "kr" | "jp" | "sc" | "tc";

/** One of a font's files: its name in the package, and the characters it holds. */
export interface CjkChunk {
  font: CjkFont;
  name: string;
  ranges: [number, number][];
}

const all: CjkFont[] = ["kr", "jp", "sc", "tc"];
const isKana = (code: number) => code >= 0x3041 && code <= 0x30ff;
const isHangul = (code: number) =>
  (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff);

/**
 * The fonts to draw `codes` with, the one whose glyph forms the brief's language reads first:
 * Korean, Japanese, simplified or traditional Chinese. A brief in another language gets the
 * Japanese forms when it has kana, else the Korean ones, as it always has. The other fonts
 * follow, for the characters the first lacks (the Korean cut has no kana, the Chinese none of
 * Hangul).
 */
export function cjkFontsFor(language: string, codes: readonly number[]): CjkFont[] {
  const [base = "", ...subtags] = language.toLowerCase().split("-");
  let first: CjkFont;
  if (base === "ko") first = "kr";
  else if (base === "ja") first = "jp";
  else if (base === "zh") {
    const traditional = subtags.some((tag) => ["hant", "tw", "hk", "mo"].includes(tag));
    first = traditional && !subtags.includes("hans") ? "tc" : "sc";
  } else if (codes.some(isKana) && !codes.some(isHangul)) first = "jp";
  else first = "kr";
  return [first, ...all.filter((font) => font !== first)];
}

const chunkLists = new Map<CjkFont, CjkChunk[]>();
// Each font's ranges, sorted, with the file each is in: [from, to, index into the list].
const rangeIndexes = new Map<CjkFont, [number, number, number][]>();

/** The package of a font. */
export function cjkPackage(font: CjkFont): string {
  return `@fontsource-variable/noto-sans-${font}`;
}

/** The files of a font, as its package's unicode.json lists them. */
export function cjkChunks(font: CjkFont): CjkChunk[] {
  let chunks = chunkLists.get(font);
  if (!chunks) {
    const list = JSON.parse(
      readFileSync(path.join(packageFolder(cjkPackage(font)), "unicode.json"), "utf8"),
    ) as Record<string, string>;
    chunks = Object.entries(list).map(([key, range]) => ({
      font,
      name: key.replace(/^\[|\]$/g, ""),
      ranges: unicodeRanges(range),
    }));
    chunkLists.set(font, chunks);
    rangeIndexes.set(
      font,
      chunks
        .flatMap((chunk, i) =>
          chunk.ranges.map(([from, to]): [number, number, number] => [from, to, i]),
        )
        .sort((a, b) => a[0] - b[0]),
    );
  }
  return chunks;
}

/** The file of `font` that holds `code`, if any (the package's ranges do not overlap). */
export function cjkChunkOf(font: CjkFont, code: number): CjkChunk | undefined {
  const chunks = cjkChunks(font);
  const ranges = rangeIndexes.get(font) as [number, number, number][];
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to, index] = ranges[middle] as [number, number, number];
    if (code < from) high = middle - 1;
    else if (code > to) low = middle + 1;
    else return chunks[index];
  }
  return undefined;
}

/**
 * Whether the other fonts are worth a look for a character the first lacks: Han, kana and
 * Hangul, which each cut has a different share of. Symbols and Latin are in all or none.
 */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xac00 && code <= 0xd7ff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    code >= 0x20000
  );
}

let versions: string[] | undefined;

/** The installed versions of the four fonts, which a deck's cuts depend on. */
export function cjkVersions(): string[] {
  versions ??= all.map((font) => {
    const json = readFileSync(path.join(packageFolder(cjkPackage(font)), "package.json"), "utf8");
    return `${font}@${(JSON.parse(json) as { version: string }).version}`;
  });
  return versions;
}

let decompress: ((woff2: Uint8Array) => Promise<Uint8Array>) | undefined;
// One unpacking at a time, each copied out before the next: the decoder hands back a view of
// its own memory, which its next call writes over.
let unpacking: Promise<unknown> = Promise.resolve();
const opened = new Map<string, Promise<Uint8Array>>();

/**
 * A file of a font as OpenType (TrueType outlines, variable in weight), unpacked from its
 * WOFF2 by wawoff2 once a process. The decoder (WebAssembly) is loaded only when a brief has
 * CJK text and a cut is not in the cache.
 */
export function openChunk(chunk: CjkChunk): Promise<Uint8Array> {
  const file = path.join(
    packageFolder(cjkPackage(chunk.font)),
    "files",
    `noto-sans-${chunk.font}-${chunk.name}-wght-normal.woff2`,
  );
  let font = opened.get(file);
  if (!font) {
    decompress ??= require("wawoff2/decompress.js") as typeof decompress;
    const unpack = decompress as (woff2: Uint8Array) => Promise<Uint8Array>;
    const woff2 = readFile(file);
    font = unpacking.then(async () => (await unpack(new Uint8Array(await woff2))).slice());
    unpacking = font.catch(() => undefined);
    opened.set(file, font);
  }
  return font;
}
