import type { Piece } from "../labels/phrase.js";
import { type InlineRun, safeUrl } from "../markup/inline.js";
import type { Deck } from "../model/deck.js";
import { colours, points } from "./geometry.js";
import type { TextOptions, TextRun } from "./pptxgenjs.js";

/** The options of a run of text: its size, colour, weight, language, link. */
export type RunStyle = TextOptions;

/** A paragraph: its runs, each with its options. */
export type Paragraph = TextRun[];

/**
 * The runs of a text with inline markup, each bold, italic or linked as its marks say, in
 * `style` (which carries the brief's language: every run is tagged with it, so that
 * PowerPoint checks its spelling in that language and sets it in that language's font).
 */
export function inlineRuns(runs: readonly InlineRun[], style: RunStyle): Paragraph {
  return runs.flatMap((run): Paragraph => {
    if ("text" in run) return run.text === "" ? [] : [{ text: run.text, options: { ...style } }];
    if ("strong" in run) return inlineRuns(run.runs, { ...style, bold: true });
    if ("em" in run) return inlineRuns(run.runs, { ...style, italic: true });
    const url = safeUrl(run.href);
    if (!url) return inlineRuns(run.runs, style);
    const hyperlink = run.title ? { url, tooltip: run.title } : { url };
    return linkedRuns(inlineRuns(run.runs, { ...style, color: colours.accent }), hyperlink);
  });
}

/** A link's target, as pptxgenjs takes it: a web address or a slide's number. */
export type LinkTarget = { url: string; tooltip?: string } | { slide: number };

/**
 * Runs made a link, a word a run: LibreOffice lays a linked run out as one field, which it
 * breaks between any two letters, and between fields only at their ends. PowerPoint shows the
 * words as the one link they are (they share one relationship, `hyperlink` being one object).
 */
export function linkedRuns(runs: Paragraph, target: LinkTarget, underline = true): Paragraph {
  const hyperlink = { ...target };
  return runs.flatMap((run) =>
    (run.text ?? "").split(/(?<=\s)(?=\S)/u).map((word) => ({
      text: word,
      options: {
        ...run.options,
        hyperlink,
        ...(underline ? {} : { underline: { style: "none" as const } }),
      },
    })),
  );
}

/** One run of plain text in `style`. */
export function plainRun(text: string, style: RunStyle): Paragraph {
  return text === "" ? [] : [{ text, options: { ...style } }];
}

/** A label filled in (`fill`), as one string. */
export const piecesText = (pieces: readonly Piece[]) => pieces.map((piece) => piece.text).join("");

/**
 * Paragraphs as one text box holds them: each paragraph's options (a bullet, its spacing) on
 * each of its runs, and a break after every paragraph but the last. An empty paragraph keeps
 * its place with an empty run.
 */
export function paragraphs(list: readonly Paragraph[], options: RunStyle = {}): Paragraph {
  return list.flatMap((runs, i) => {
    const whole = runs.length > 0 ? runs : [{ text: "", options: {} }];
    return whole.map((run, j) => ({
      text: run.text,
      options: {
        ...options,
        ...run.options,
        ...(j === whole.length - 1 && i < list.length - 1 ? { breakLine: true } : {}),
      },
    }));
  });
}

/**
 * A slide's sources line in the label's words, "Sources: [1] [2]", each number linked to the
 * sources slide (`sourcesSlide`, its number in the deck), as the deck and the PDF link it.
 */
export function citedRuns(
  deck: Deck,
  refs: readonly number[],
  sourcesSlide: number | undefined,
  style: RunStyle,
): Paragraph {
  return deck.citedLine.flatMap((piece): Paragraph => {
    if (!piece.refs) return plainRun(piece.text ?? "", style);
    return refs.flatMap((ref, i) => {
      const grade = deck.grades[ref];
      // A graded source's grade beside its number, smaller and bold, as `.ref__grade`: "[1 B2]".
      const plain = grade
        ? [
            ...plainRun(`[${ref} `, style),
            ...plainRun(grade, { ...style, fontSize: points(16), bold: true }),
            ...plainRun("]", style),
          ]
        : plainRun(`[${ref}]`, style);
      const number =
        sourcesSlide === undefined ? plain : linkedRuns(plain, { slide: sourcesSlide }, false);
      return i < refs.length - 1 ? [...number, { text: " ", options: { ...style } }] : number;
    });
  });
}
