// What fits on a slide, in px, so long lists continue on the next slide instead of shrinking or
// spilling, and a slide is split only when its content really does not fit. The sizes are
// templates/theme/theme.css's; each text's lines are counted in the deck's own fonts
// (measure-text.ts). The browser tests check that no slide overflows.
import type { Piece } from "../labels/phrase.js";
import type { InlineRun } from "../markup/inline.js";
import type { GradeKey } from "./deck.js";
import type { LineBreaks } from "./line-breaks.js";
import { lineCount, type TextRun, type TextStyle } from "./measure-text.js";
import { citedText, type FrameLabels, partText } from "./slide-labels.js";

// section.slide is 1280 × 720 at line-height 1.35; .body has 40 px above it and 72 px each
// side; the footer is 44 px and its border; each classification banner is 30 px.
const slide = { width: 1280, height: 720, side: 72, top: 40, footer: 45, banner: 30 };
const textWidth = slide.width - 2 * slide.side;
const lineHeight = 1.35;
// Below what the measures say fits: a lot less than a line, since they never count fewer lines
// than Chromium lays out (test/model/measure-text.test.ts).
const margin = 16;

const regular = (size: number): TextStyle => ({ size, weight: 400 });
const lines = (text: string | InlineRun[], style: TextStyle, width: number, breaks: LineBreaks) =>
  lineCount(typeof text === "string" ? [{ text, style }] : runsOf(text, style), width, breaks);

/**
 * A text with inline markup as runs of one style each: bold as the browser's `bolder` makes it
 * (700 here). Italic is measured upright, and a link by its text.
 */
function runsOf(inline: readonly InlineRun[], style: TextStyle): TextRun[] {
  return inline.flatMap((run) =>
    "text" in run
      ? [{ text: run.text, style }]
      : runsOf(run.runs, "strong" in run ? { ...style, weight: 700 } : style),
  );
}

/** What around a slide's list takes its room: the heading, the sources line, the banners. */
export interface SlideFrame {
  title: string;
  longTitle: boolean;
  /** "2/3" on a continued slide. */
  part?: string;
  refs: readonly number[];
  classified: boolean;
  /** How the brief's lines break (its language's rules); at spaces alone when not given. */
  lineBreaks?: LineBreaks;
  /** The words of "(2/3)" and "Sources: [1]", measured as the slide writes them. */
  labels: FrameLabels;
  /** The grades the sources line shows beside its numbers: "[1 B2]". */
  grades?: ReadonlyMap<number, string>;
  /** What the slide shows under its list, in px: the sources slide's key of grades. */
  below?: number;
}

/** The height in px a slide has for its list (.heading, .refs). */
export function listRoom(frame: SlideFrame): number {
  const breaks = frame.lineBreaks ?? "keep-all";
  const size = frame.longTitle ? 30 : 44;
  const heading =
    lineCount(
      [
        { text: `${frame.title} `, style: { size, weight: 700, letterSpacing: -0.01 * size } },
        ...(frame.part ? [{ text: partText(frame.part, frame.labels), style: regular(28) }] : []),
      ],
      textWidth,
      breaks,
    ) *
      size *
      1.15 +
    14 +
    4 +
    28;
  const refsText = citedText(frame.refs, frame.labels, frame.grades);
  const refs =
    frame.refs.length > 0
      ? 12 + 16 + lines(refsText, regular(18), textWidth, breaks) * 18 * lineHeight
      : 0;
  const banners = frame.classified ? 2 * slide.banner : 0;
  const below = frame.below ?? 0;
  return slide.height - slide.footer - banners - slide.top - heading - refs - below - margin;
}

/** How a kind of slide stacks its items: each one's height, and the space below each. */
export interface Stacking<T> {
  height: (item: T, breaks: LineBreaks) => number;
  space: number;
  /** A margin, below the last item too; else a flex gap, between items only. */
  margin?: boolean;
}

/**
 * Splits items into slides that each hold what fits their room, keeping their order. An item
 * too big for a slide gets a slide of its own. The room of a continued slide is counted with
 * its "(n/m)" in the heading.
 */
export function fitPages<T>(
  items: readonly T[],
  { height, space, margin }: Stacking<T>,
  frame: SlideFrame,
): T[][] {
  const breaks = frame.lineBreaks ?? "keep-all";
  const costs = new Map(items.map((item) => [item, height(item, breaks) + space]));
  const cost = (item: T) => costs.get(item) as number;
  const extra = margin ? 0 : space;
  const once = paginate(items, cost, listRoom(frame) + extra);
  if (once.length < 2) return once;
  const part = `${once.length}/${once.length}`;
  return balanced(items, cost, listRoom({ ...frame, part }) + extra);
}

/**
 * The pages `paginate` makes, as many of them, but as even as they can be: 3 and 2 rather than
 * 4 and 1. The budget is narrowed down to the least that still needs no more pages.
 */
function balanced<T>(items: readonly T[], cost: (item: T) => number, budget: number): T[][] {
  const pages = paginate(items, cost, budget);
  let low = Math.max(...items.map(cost));
  let high = budget;
  if (pages.length < 2 || low >= high) return pages;
  while (high - low > 1) {
    const middle = (low + high) / 2;
    if (paginate(items, cost, middle).length > pages.length) low = middle;
    else high = middle;
  }
  return paginate(items, cost, high);
}

/** The bulleted lists (.list li): summary and points at 27 px, watch at 26 px. */
export function listStacking(size: 26 | 27): Stacking<InlineRun[]> {
  return {
    height: (text, breaks) =>
      lines(text, regular(size), textWidth - 36, breaks) * size * lineHeight,
    space: 14,
    margin: true,
  };
}

/** .actor: name, role and note beside an optional 72 px photo. */
export const actorStacking: Stacking<{
  role: InlineRun[];
  name: string;
  note?: InlineRun[];
  image?: string;
}> = {
  height: (person, breaks) => {
    const width = textWidth - 24 - (person.image ? 92 : 0);
    const text =
      lines(person.name, { size: 28, weight: 700 }, width, breaks) * 28 * lineHeight +
      lines(person.role, { size: 24, weight: 600 }, width, breaks) * 24 * lineHeight +
      (person.note ? lines(person.note, regular(24), width, breaks) * 24 * lineHeight : 0);
    return Math.max(person.image ? 72 : 0, text);
  },
  space: 18,
};

/**
 * .change: its tag in a column of its own beside the line (an event's date and title, a
 * judgment and how it moved, a source), as change.hbs writes it.
 */
export const changeStacking: Stacking<{
  change: string;
  tag?: string;
  dateText?: string;
  text: InlineRun[];
  now?: string;
  was?: Piece[];
}> = {
  height: (line, breaks) => {
    const tagged = line.tag !== undefined;
    const width = tagged ? textWidth - change.tag - change.gap : textWidth;
    const size = 24;
    const bold = { size, weight: 600 } as const;
    const runs: TextRun[] = [
      ...(line.dateText ? [{ text: `${line.dateText} `, style: bold }] : []),
      // The line that says nothing moved is set in bold.
      ...runsOf(line.text, line.change === "no-change" ? bold : regular(size)),
    ];
    // A moved judgment's assessment, now and as it was, on a line of its own.
    const was = `(${(line.was ?? []).map((piece) => piece.text).join("")})`;
    const assessment = line.now
      ? lineCount(
          [
            { text: `${line.now} `, style: bold },
            { text: was, style: regular(size) },
          ],
          width,
          breaks,
        )
      : 0;
    const text = (lineCount(runs, width, breaks) + assessment) * size * lineHeight;
    const tagStyle = { size: 15, weight: 600, letterSpacing: 0.9, uppercase: true } as const;
    const tag = tagged
      ? lines(line.tag as string, tagStyle, change.tag, breaks) * 15 * lineHeight + 6
      : 0;
    return Math.max(text, tag);
  },
  space: 14,
};

// The tag's column and the gap after it, in px (.change in theme.css).
const change = { tag: 190, gap: 20 };

/** .judgment: the statement over its likelihood (its scale, term and range) and confidence. */
export const judgmentStacking: Stacking<{
  statement: InlineRun[];
  likelihoodView?: { text: string; scale?: readonly unknown[] };
  confidenceLabel: string;
  badge?: string;
}> = {
  height: (judgment, breaks) => {
    const width = textWidth - 24;
    const view = judgment.likelihoodView;
    const assessment = `${judgment.badge ?? ""} ${view?.text ?? ""} ${judgment.confidenceLabel}`;
    const label = { size: 18, weight: 600 } as const;
    // Less the 37 px between the likelihood and the confidence, and the 110 px of the scale.
    const taken = (view ? 37 : 0) + (view?.scale ? 110 : 0);
    return (
      8 +
      lines(judgment.statement, regular(26), width, breaks) * 26 * lineHeight +
      4 +
      lines(assessment, label, width - taken, breaks) * 18 * lineHeight
    );
  },
  space: 16,
};

/**
 * .source: its number, its grade, then title, publisher, date and URL (with the date it was
 * read) as one text (source-text.hbs).
 */
export const sourceStacking: Stacking<{
  text: Piece[];
  grade?: string;
  link?: { text: string }[];
}> = {
  height: (s, breaks) => {
    const count = lineCount(
      [
        ...(s.grade ? [{ text: `${s.grade} `, style: gradeStyle }] : []),
        ...s.text.map(
          (piece): TextRun => ({
            text: piece.text,
            style: piece.slot === "title" ? { size: 24, weight: 600 } : regular(24),
          }),
        ),
        ...(s.link
          ? [{ text: ` ${s.link.map((piece) => piece.text).join("")}`, style: regular(24) }]
          : []),
      ],
      textWidth - 56,
      breaks,
    );
    return count * 24 * lineHeight;
  },
  space: 14,
  margin: true,
};

/**
 * Splits items into pages that each fit `budget`, keeping their order. An item too big for a
 * page gets a page of its own.
 */
export function paginate<T>(items: readonly T[], cost: (item: T) => number, budget: number): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of items) {
    const c = cost(item);
    if (page.length > 0 && used + c > budget) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += c;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

// .source__grade: a grade before the title, bold and spaced a little (theme.css), with its
// padding counted as a space of its own.
const gradeStyle: TextStyle = { size: 20, weight: 700, letterSpacing: 1 };

/** .grade-key: the scale's two halves under the sources, each a line or more at 16 px. */
export function gradeKeyHeight(key: GradeKey, breaks: LineBreaks): number {
  const half = ({ name, grades }: GradeKey["reliability"]) =>
    lineCount(
      [
        { text: `${name} `, style: { size: 16, weight: 700 } },
        { text: grades.map((g) => `${g.code} ${g.words}`).join(" · "), style: regular(16) },
      ],
      textWidth,
      breaks,
    ) *
    16 *
    lineHeight;
  return 14 + half(key.reliability) + half(key.credibility);
}
