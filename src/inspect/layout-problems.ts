import type { Problem } from "../errors.js";
import type { LoadedBrief } from "../load/load-brief.js";
import type { Deck } from "../model/deck.js";
import type { SlideFindings } from "./in-page.js";

// Scripts named in messages, so "no font for Ethiopic" says more than a code point.
const scripts = [
  "Arabic",
  "Armenian",
  "Bengali",
  "Cherokee",
  "Cyrillic",
  "Devanagari",
  "Ethiopic",
  "Georgian",
  "Greek",
  "Gujarati",
  "Gurmukhi",
  "Han",
  "Hangul",
  "Hebrew",
  "Hiragana",
  "Kannada",
  "Katakana",
  "Khmer",
  "Lao",
  "Malayalam",
  "Mongolian",
  "Myanmar",
  "Sinhala",
  "Tamil",
  "Telugu",
  "Thaana",
  "Thai",
  "Tibetan",
].map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, "u") }));

/** The script a character is written in, or its code point when it is none of the common ones. */
export function scriptOf(char: string): string {
  const known = scripts.find((s) => s.pattern.test(char));
  if (known) return known.name;
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Turns what the browser saw on each slide into problems that name the slide and the line of
 * the brief it comes from. Pure.
 */
export function layoutProblems(
  findings: readonly SlideFindings[],
  deck: Deck,
  loaded: LoadedBrief,
): Problem[] {
  const slides = new Map(deck.slides.map((s) => [s.id, s]));
  const problems: Problem[] = [];
  for (const found of findings) {
    const slide = slides.get(found.id);
    if (!slide) continue;
    const title = slide.title || slide.id;
    const name = `slide ${slide.number} "${title}${slide.part ? ` (${slide.part})` : ""}"`;
    const report = (code: Problem["code"], message: string) =>
      problems.push({
        code,
        message,
        file: loaded.file,
        pos: loaded.positionOf(slide.from),
        path: slide.from,
      });
    if (found.overflow) {
      const { bodyOverflow } = found.overflow;
      report(
        "overflow",
        bodyOverflow > 1
          ? `${name} does not fit: its content is ${Math.round(bodyOverflow)} px taller than the slide and is cut off; shorten it or split it`
          : `${name} does not fit: content runs past the edge of the slide and is cut off`,
      );
    }
    for (const src of found.brokenImages) {
      // Images are copied under assets/; name them as the brief does.
      const ref = src.replace(/^assets\//, "");
      report(
        "image-not-loaded",
        `${name}: the image "${ref}" does not load (is it a real image file?)`,
      );
    }
    const byScript = new Map<string, string[]>();
    for (const char of found.missingGlyphs) {
      const script = scriptOf(char);
      byScript.set(script, [...(byScript.get(script) ?? []), char]);
    }
    for (const [script, chars] of byScript) {
      const sample = chars.slice(0, 8).join("");
      report(
        "missing-font",
        `${name}: no installed font has ${script.startsWith("U+") ? "characters" : `${script} characters`} like "${sample}"; they would show as empty boxes (install a font for them, e.g. a Noto font)`,
      );
    }
  }
  return problems;
}
