// Where a line may break, by the rules the theme sets for the brief's language (theme.css):
// Korean, and every language written with spaces, between words only (`word-break:
// keep-all`), so that the Korean names in an English brief stay whole too; Japanese and
// Chinese, written without spaces, also between two characters, by the strict rules
// (`line-break: strict`); Thai, Lao, Khmer and Myanmar, also written without spaces, between
// the words of ICU's dictionary, as the browser breaks them in any language.
import { isWide } from "./font-advances.js";

/** How a brief's lines break: at spaces alone, or between CJK characters too. */
export type LineBreaks = "keep-all" | "strict";

/** The line breaking of a brief in `language` (a BCP 47 tag), as theme.css keys it. */
export function lineBreaksOf(language: string): LineBreaks {
  return /^(ja|zh)(-|$)/i.test(language) ? "strict" : "keep-all";
}

// Where the browser never breaks, even after a space: before closing punctuation, and after
// opening punctuation (UAX #14's CL, CP, EX, IS, SY and OP; Japanese and Chinese closing marks,
// small kana and the prolonged sound mark, which strict line breaking keeps off a line's start).
const noBreakBefore =
  /[)\]}!?,.:;/\u3001\u3002\u300d\u300f\u3011\u3015\u3009\u300b\u301f\uff09\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\uff3d\uff5d\u30fb\u30fc\u2026\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308e\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7\u30ee\u30f5\u30f6\u3005\u309d\u309e\u30fd\u30fe]/u;
const noBreakAfter = /[([{\u300c\u300e\u3010\u3014\u3008\u300a\u301d\uff08\uff3b\uff5b]/u;
// The full-width closing and opening marks a line may end after and start before even when
// keep-all keeps the characters around them together.
const closing =
  /[\u3001\u3002\u300d\u300f\u3011\u3015\u3009\u300b\uff09\uff0c\uff0e\uff01\uff1f\uff5d]/u;
const opening = /[\u300c\u300e\u3010\u3014\u3008\u300a\uff08\uff5b]/u;
// Thai, Lao, Myanmar and Khmer are written without spaces; the browser breaks them between
// words it finds in a dictionary (ICU's), and so may end a line up to a word short of full.
const unspaced = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/u;

export const [wideClass, noBreakBeforeClass, noBreakAfterClass, unspacedClass] = [1, 2, 4, 8];
const [closingClass, openingClass] = [16, 32];
const classes = new Map<number, number>();

/** How a character takes part in line breaking, as bits of the classes above. */
export function classOf(code: number): number {
  let bits = classes.get(code);
  if (bits === undefined) {
    const char = String.fromCodePoint(code);
    bits =
      (isWide(code) ? wideClass : 0) |
      (noBreakBefore.test(char) ? noBreakBeforeClass : 0) |
      (noBreakAfter.test(char) ? noBreakAfterClass : 0) |
      (unspaced.test(char) ? unspacedClass : 0) |
      (closing.test(char) ? closingClass : 0) |
      (opening.test(char) ? openingClass : 0);
    classes.set(code, bits);
  }
  return bits;
}

// ICU finds the words of Thai, Lao, Khmer and Myanmar in its dictionary for their script, the
// same whatever the language asked for ("th", "en", "und" give the same words), as the
// browser's line breaker does: one segmenter serves every brief.
let segmenter: Intl.Segmenter | undefined;
const found = new Map<string, Set<number>>();

/**
 * Where a word of Thai, Lao, Khmer or Myanmar starts inside `text` (UTF-16 offsets, as ICU's
 * dictionary finds them, `Intl.Segmenter`), or undefined when `text` has none of those scripts:
 * only such text is segmented, the rest costs one test of a regular expression.
 */
export function wordStarts(text: string): Set<number> | undefined {
  if (!unspaced.test(text)) return undefined;
  const known = found.get(text);
  if (known) return known;
  segmenter ??= new Intl.Segmenter("und", { granularity: "word" });
  const starts = new Set<number>();
  for (const { index } of segmenter.segment(text)) if (index > 0) starts.add(index);
  // A brief's texts are measured again and again, each a few times at most.
  if (found.size > 4096) found.clear();
  found.set(text, starts);
  return starts;
}

/**
 * Whether a line may end between a character of class `before` and one of class `bits`, with
 * spaces between them or not, or between two words of Thai, Lao, Khmer or Myanmar. Fewer places
 * than the browser may break (it also breaks after hyphens and slashes, and beside a Han
 * character next to a Latin one), never more.
 */
export function breaksBetween(
  before: number,
  bits: number,
  afterSpace: boolean,
  breaks: LineBreaks,
  /** Whether a word of Thai, Lao, Khmer or Myanmar starts here (`wordStarts`). */
  wordStart = false,
): boolean {
  if (bits & noBreakBeforeClass || before & noBreakAfterClass) return false;
  if (afterSpace) return true;
  if (wordStart && before & bits & unspacedClass) return true;
  if (!(before & bits & wideClass)) return false;
  return breaks === "strict" || (before & closingClass) !== 0 || (bits & openingClass) !== 0;
}

export const isSpace = (code: number) =>
  code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
