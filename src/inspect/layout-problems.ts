import type { Problem } from "../errors.js";
import type { LoadedBrief } from "../load/load-brief.js";
import type { Deck } from "../model/deck.js";
import type { CutSide, SlideFindings } from "./in-page.js";
import { charSource, textSource } from "./text-source.js";

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

const sides: Record<CutSide, string> = {
  left: "runs off the left edge of the slide",
  right: "runs off the right edge of the slide",
  top: "runs off the top of the slide",
  bottom: "runs off the bottom of the slide",
  clipped: "is cut off by the box it is in",
};

/**
 * Turns what the browser saw on each slide into problems that name the slide and point at the
 * line of the brief the text comes from (or the slide's, when no one line is to blame). A
 * character no font draws is reported once a brief, where it is first used; characters of one
 * script together. Pure.
 */
export function layoutProblems(
  findings: readonly SlideFindings[],
  deck: Deck,
  loaded: LoadedBrief,
): Problem[] {
  const slides = new Map(deck.slides.map((s) => [s.id, s]));
  const problems: Problem[] = [];
  const scriptsSeen = new Map<string, { chars: string[]; problem: Problem }>();
  for (const found of findings) {
    const slide = slides.get(found.id);
    if (!slide) continue;
    const title = sample(slide.title || slide.id);
    const name = `slide ${slide.number} "${title}${slide.part ? ` (${slide.part})` : ""}"`;
    const problem = (code: Problem["code"], message: string, at = slide.from): Problem => ({
      code,
      message,
      file: loaded.file,
      pos: loaded.positionOf(at),
      path: at,
    });
    const report = (code: Problem["code"], message: string, at = slide.from) =>
      problems.push(problem(code, message, at));
    const overflows = found.bodyOverflow > 1;
    if (overflows) {
      report(
        "overflow",
        `${name} does not fit: its content is ${Math.round(found.bodyOverflow)} px taller than the slide and is cut off; shorten it or split it`,
      );
    }
    const reported = new Set<string>();
    for (const cut of found.cutOff) {
      // Text pushed off the bottom by too much content is what the warning above says.
      if (overflows && cut.side === "bottom") continue;
      const at = textSource(loaded.brief?.written, slide.from, cut.text) ?? slide.from;
      const key = at.join("\0");
      if (reported.has(key)) continue;
      reported.add(key);
      report(
        "overflow",
        `${name}: the text "${sample(cut.text)}" ${sides[cut.side]} and does not show whole`,
        at,
      );
    }
    for (const src of found.brokenImages) {
      // Images are copied under assets/; name them as the brief does.
      const ref = decodedPath(src).replace(/^assets\//, "");
      problems.push({
        ...problem(
          "image-not-loaded",
          `${name}: the image "${ref}" does not load (is it a real image file?)`,
        ),
        image: ref,
      });
    }
    for (const { char, text } of found.missingGlyphs) {
      const script = scriptOf(char);
      const seen = scriptsSeen.get(script);
      if (seen) {
        if (!seen.chars.includes(char)) seen.chars.push(char);
        continue;
      }
      const at = charSource(loaded.brief?.written, slide.from, text, char) ?? slide.from;
      const entry = { chars: [char], problem: problem("missing-font", name, at) };
      scriptsSeen.set(script, entry);
      problems.push(entry.problem);
    }
  }
  for (const [script, { chars, problem }] of scriptsSeen) {
    // A character of no named script is its own group: name it by its code point too, since a
    // lone combining mark shows as nothing in a terminal.
    const what = script.startsWith("U+")
      ? `${script} ("${chars.join("")}")`
      : `${script} characters like "${chars.slice(0, 8).join("")}"`;
    problem.message = `${problem.message}: no installed font has ${what}; it would show as empty boxes (install a font for it, e.g. a Noto font)`;
  }
  return problems;
}

/** The start of a text, for a message. */
function sample(text: string): string {
  const t = text.trim().replace(/\s+/g, " ");
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}

/** An image's src as the file path it names (see `assetUrl`), or as it is if not encoded. */
function decodedPath(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}
