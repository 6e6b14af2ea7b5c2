import {
  type CjkChunk,
  type CjkFont,
  cjkChunkOf,
  cjkFontsFor,
  cjkVersions,
  isCjk,
  openChunk,
} from "./cjk-fonts.js";
import { drawnCharacters, unicodeRangeOf, unicodeRanges } from "./drawn-characters.js";
import { cachedFont } from "./made-cache.js";
import { themeFontsCss } from "./script-fonts.js";
import { fontNames, mappedCharacters, withNames } from "./sfnt.js";
import { subsetFont } from "./subset-font.js";

/** The family the theme lists right after Source Sans 3. */
export const fallbackFamily = "Briefing Fallback";

/** Where a deck keeps the rules for its fallback fonts. */
export const fallbackCss = "theme/fallback.css";

/** The fallback fonts of one deck: its stylesheet and its font files (paths in the deck). */
export interface FallbackFonts {
  css: string;
  files: [string, Uint8Array][];
  /** The characters beyond Source Sans 3 that these fonts do not draw either. */
  undrawn: number[];
}

// Bump when the way fonts are cut changes, so cached cuts are made again.
const cutVersion = 6;

let sourceSans: [number, number][] | undefined;

/** The code points the shipped Source Sans 3 faces are declared for (fonts.css). */
function sourceSansRanges(): [number, number][] {
  sourceSans ??= [
    ...themeFontsCss().matchAll(
      /@font-face\s*{[^}]*font-family:\s*"Source Sans 3";[^}]*unicode-range:\s*([^;]+);/g,
    ),
  ].flatMap((match) => unicodeRanges(match[1] as string));
  return sourceSans;
}

/**
 * The characters of `html` that Source Sans 3 does not draw, whitespace and speaker notes left
 * out: the notes are shown in the speaker view, in its own fonts, and a deck sent without them
 * must not carry their characters in its font.
 */
export function charactersBeyondSourceSans(html: string): number[] {
  const ranges = sourceSansRanges();
  return [...drawnCharacters(slidesOnly(html))]
    .filter(
      (code) =>
        !/\s/u.test(String.fromCodePoint(code)) &&
        !ranges.some(([from, to]) => code >= from && code <= to),
    )
    .sort((a, b) => a - b);
}

/**
 * The emoji of `html`'s slides: characters shown as emoji by default, and those a variation
 * selector asks to be (⚠️). They are left to the shipped Noto Emoji, not cut from the CJK fonts,
 * whose few emoji would change the look from brief to brief.
 */
function emojiCharacters(html: string): Set<number> {
  const found = slidesOnly(html).matchAll(/\p{Emoji_Presentation}|\p{Emoji}(?=\uFE0F)/gu);
  return new Set([...found].map((match) => match[0].codePointAt(0) as number));
}

function slidesOnly(html: string): string {
  // Notes may hold markup (<strong>, <a>), never an </aside> of their own: text is escaped.
  return html.replace(/<aside class="notes">[\s\S]*?<\/aside>/g, "");
}

/**
 * What the fallback fonts of a build are cut from, for deciding whether a deck is up to date:
 * updating the CJK font packages changes the decks.
 */
export function fallbackSources(): unknown {
  return [cutVersion, cjkVersions()];
}

/** The language of a page: its <html lang>, English when it has none. */
export function languageOf(html: string): string {
  return /<html[^>]*\slang="([^"]*)"/.exec(html)?.[1] || "en";
}

/**
 * Fonts cut from the shipped Noto Sans KR, JP, SC or TC (the one of the page's language first,
 * see `cjkFontsFor`) with just the characters of `html` that Source Sans 3 lacks (Hangul, Han,
 * kana, a few symbols), for the deck to carry, at the two weights the theme sets (400, and 700
 * for 600 and 700). The fonts are variable; each cut is made static at its weight, which
 * Chrome's PDF printer embeds as CID TrueType with the text's spaces, where a variable or a
 * CFF font (the system's Noto Sans CJK) comes out as Type 3 without them. The deck draws the
 * same on every machine, with or without CJK fonts of its own. Without such characters the
 * stylesheet is empty and the browser falls back as it always does.
 */
export async function fallbackFonts(html: string): Promise<FallbackFonts> {
  const beyond = charactersBeyondSourceSans(html);
  const emoji = emojiCharacters(html);
  const wanted = beyond.filter((code) => !emoji.has(code));
  const result: FallbackFonts = { css: "", files: [], undrawn: beyond };
  if (wanted.length === 0) return result;
  const cuts = await cjkCuts(wanted, languageOf(html));
  const drawnByAny = new Set(cuts.flatMap((cut) => cut.drawn));
  for (const cut of cuts) {
    result.files.push([cut.file, cut.bytes]);
    result.css += `@font-face {
  font-family: "${fallbackFamily}";
  font-style: normal;
  font-weight: ${cut.weight};
  font-display: block;
  src: url("../${cut.file}") format("truetype");
  unicode-range: ${unicodeRangeOf(cut.drawn)};
}
`;
  }
  result.undrawn = beyond.filter((code) => !drawnByAny.has(code));
  return result;
}

/** A cut of a CJK font: its file in a deck, its bytes, the CSS weights it serves, what it draws. */
export interface CjkCut {
  file: string;
  bytes: Uint8Array;
  weight: string;
  drawn: number[];
}

/**
 * The cuts of the CJK fonts that draw `codes`, the font of `language` first (`cjkFontsFor`),
 * each of its files at both weights; in the order made, so that a deck's files do not depend
 * on which cut was ready first.
 */
export async function cjkCuts(codes: readonly number[], language: string): Promise<CjkCut[]> {
  const [first, ...others] = cjkFontsFor(language, codes);
  let wanted = [...codes];
  const cuts: Promise<CjkCut | undefined>[] = [];
  for (const font of [first as CjkFont, ...others]) {
    const byChunk = new Map<CjkChunk, number[]>();
    for (const code of wanted) {
      const chunk = cjkChunkOf(font, code);
      if (chunk) byChunk.set(chunk, [...(byChunk.get(chunk) ?? []), code]);
    }
    for (const [chunk, inChunk] of byChunk) {
      for (const weight of weights) cuts.push(cutChunk(chunk, weight, inChunk));
    }
    const taken = new Set([...byChunk.values()].flat());
    // Only Han, kana and Hangul are looked for in the other fonts (see `isCjk`).
    wanted = wanted.filter((code) => !taken.has(code) && isCjk(code));
    if (wanted.length === 0) break;
  }
  return (await Promise.all(cuts)).filter((cut) => cut !== undefined);
}

/** A weight the theme sets, the `wght` a cut is made at, and the CSS weights it serves. */
const weights = [
  { wght: 400, css: "400", name: "regular", style: "Regular" },
  { wght: 700, css: "600 700", name: "bold", style: "Bold" },
] as const;

/** The cut of one file of a CJK font at one weight, from the cache when it was made before. */
async function cutChunk(
  chunk: CjkChunk,
  weight: (typeof weights)[number],
  codes: number[],
): Promise<CjkCut | undefined> {
  const bytes = await cachedFont(
    [cutVersion, cjkVersions(), chunk.font, chunk.name, weight.wght, codes],
    async () => {
      try {
        const source = await openChunk(chunk);
        const cut = subsetFont(source, 0, codes, { wght: weight.wght });
        return (
          cut && withNames(cut, cutNames(fontNames(cut), fontNames(source), chunk.font, weight))
        );
      } catch {
        // A damaged package: the browser falls back to the system's fonts itself.
        return undefined;
      }
    },
    (cached) => drawnBy(cached) !== undefined,
  );
  // Only what the cut draws: the rest is left to the fonts shipped for other scripts and to
  // the system's (or reported by `check` as drawn by none).
  const drawn = bytes ? (drawnBy(bytes) ?? []).filter((code) => codes.includes(code)) : [];
  if (!bytes || drawn.length === 0) return undefined;
  const file = `fonts/fallback-${chunk.font}-${chunk.name}-${weight.name}.ttf`;
  return { file, bytes, weight: weight.css, drawn };
}

/**
 * The names of a cut: those of the font at its weight, where the subsetter leaves the variable
 * font's own (its default instance, "NotoSansKR-Thin", which a PDF would list for every cut).
 * The typographic and variation names go with the font's axes; the copyright and the license
 * URL of the whole font stay, as the SIL Open Font License asks ("Noto" is no Reserved Font
 * Name of it: the font reserves "Source").
 */
function cutNames(
  cut: Map<number, string>,
  source: Map<number, string>,
  font: CjkFont,
  weight: (typeof weights)[number],
): Map<number, string> {
  const family = `Noto Sans ${font.toUpperCase()}`;
  const postScript = `${family.replaceAll(" ", "")}-${weight.style}`;
  const names = new Map(cut);
  for (const id of [16, 17, 25]) names.delete(id);
  for (const id of [0, 13, 14]) {
    const text = source.get(id);
    if (text !== undefined) names.set(id, text);
  }
  // The unique ID ("2.004;ADBO;NotoSansKR-Thin;ADOBE") names the instance by its PostScript name.
  const unique = cut.get(3);
  const oldPostScript = cut.get(6);
  if (unique && oldPostScript) names.set(3, unique.replace(oldPostScript, postScript));
  names.set(1, family);
  names.set(2, weight.style);
  names.set(4, `${family} ${weight.style}`);
  names.set(6, postScript);
  return names;
}

/** The characters a font draws; undefined when it cannot be read as a font. */
function drawnBy(font: Uint8Array): number[] | undefined {
  try {
    return [...mappedCharacters(font)];
  } catch {
    return undefined;
  }
}
