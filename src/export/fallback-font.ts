import { readFile } from "node:fs/promises";
import { drawnCharacters, unicodeRangeOf, unicodeRanges } from "./drawn-characters.js";
import { cachedFont } from "./made-cache.js";
import { themeFontsCss } from "./script-fonts.js";
import { faceIndex, mappedCharacters } from "./sfnt.js";
import { subsetFont } from "./subset-font.js";
import { findCjkFonts, type SystemFont } from "./system-fonts.js";

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
const cutVersion = 3;

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
 * selector asks to be (⚠️). They are left to the shipped Noto Emoji, not cut from the CJK font:
 * its few emoji are CFF outlines, which Chrome prints as a Type 3 font whose text loses the
 * space after them, and their look would change from brief to brief.
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
 * installing or updating the system's CJK fonts changes the decks.
 */
export function fallbackSources(): unknown {
  const { regular, bold } = findCjkFonts();
  return [cutVersion, regular, bold];
}

/**
 * Fonts cut from the system's Noto Sans CJK with just the characters of `html` that Source Sans
 * 3 lacks (Hangul names, Han, kana, a few symbols), for the deck to carry. The browser would
 * find the same glyphs in the system font, but Chrome's PDF printer spends long on every use
 * of a whole CJK font in a document (it is a CFF font with 65,000 glyphs; see
 * docs/performance.md); from a cut of a few glyphs it prints the same text at once. The deck also shows its
 * Hangul on machines without the font. Without such characters, or without the system font,
 * the stylesheet is empty and the browser falls back as it always does.
 */
export async function fallbackFonts(html: string): Promise<FallbackFonts> {
  const beyond = charactersBeyondSourceSans(html);
  const emoji = emojiCharacters(html);
  const wanted = beyond.filter((code) => !emoji.has(code));
  if (wanted.length === 0) return { css: "", files: [], undrawn: beyond };
  const { regular, bold } = findCjkFonts();
  const weights: [string, string, SystemFont | undefined][] = [
    ["400", "fonts/fallback-regular.otf", regular],
    ["600 700", "fonts/fallback-bold.otf", bold],
  ];
  const result: FallbackFonts = { css: "", files: [], undrawn: beyond };
  for (const [weight, file, font] of weights) {
    if (!font) continue;
    const bytes = await cachedFont(
      [cutVersion, font.file, font.size, font.modified, font.family, wanted],
      async () => {
        try {
          const source = new Uint8Array(await readFile(font.file));
          const face = faceIndex(source, font.family);
          return face === undefined ? undefined : subsetFont(source, face, wanted);
        } catch {
          // An unreadable system font: the browser falls back to the system's fonts itself.
          return undefined;
        }
      },
      (cached) => drawnBy(cached) !== undefined,
    );
    // Only what the cut font draws: the rest is left to the fonts shipped for other scripts
    // and to the system's (or reported by `check` as drawn by none).
    const drawn = bytes ? (drawnBy(bytes) ?? []).filter((code) => wanted.includes(code)) : [];
    if (!bytes || drawn.length === 0) continue;
    const cut = new Set(drawn);
    result.undrawn = result.undrawn.filter((code) => !cut.has(code));
    result.files.push([file, bytes]);
    result.css += `@font-face {
  font-family: "${fallbackFamily}";
  font-style: normal;
  font-weight: ${weight};
  font-display: block;
  src: url("../${file}") format("opentype");
  unicode-range: ${unicodeRangeOf(drawn)};
}
`;
  }
  return result;
}

/** The characters a font draws; undefined when it cannot be read as a font. */
function drawnBy(font: Uint8Array): number[] | undefined {
  try {
    return [...mappedCharacters(font)];
  } catch {
    return undefined;
  }
}
