// The slides that are lists: the summary, points and watch items as bulleted paragraphs of one
// text box, judgments with their likelihood and confidence, and the sources.
import type { Slide } from "../model/deck.js";
import { gradeKeyHeight, judgmentStacking, sourceStacking } from "../model/fit.js";
import { lineBreaksOf } from "../model/line-breaks.js";
import { colours, mirrored, place, points } from "./geometry.js";
import { addBadge, addScale, confidenceColours } from "./marks.js";
import type { TextRun } from "./pptxgenjs.js";
import { inlineRuns, paragraphs, plainRun } from "./runs.js";
import { addCited, addHeading, bodyBottom, type SlideContext } from "./slide-context.js";

type Of<K extends Slide["kind"]> = Extract<Slide, { kind: K }>;

// A CSS line-height of 1.35 in PowerPoint's lines, which are already about 1.2 of the size.
const lineSpacingMultiple = 1.12;

/** Summary, points and watch: one bulleted paragraph an item, squares or rings as the theme has. */
export function addList(context: SlideContext, of: Of<"summary" | "points" | "watch">): void {
  const { slide, frame, text } = context;
  const top = addHeading(context, of);
  const size = of.kind === "watch" ? 26 : 27;
  const style = { ...text, fontSize: points(size), color: colours.ink };
  const bullet = { characterCode: of.kind === "watch" ? "25CB" : "25A0", indent: points(36) };
  const items = of.items.map((item) => inlineRuns(item, style));
  slide.addText(paragraphs(items, { bullet, paraSpaceAfter: points(14), lineSpacingMultiple }), {
    ...place({ x: frame.side, y: top, w: frame.content, h: bodyBottom(frame, of) - top }),
    margin: 0,
    valign: "top",
  });
  addCited(context, of);
}

/**
 * Judgments: each statement over its assessment, ruled in its confidence's colour. The
 * assessment is a row of its own: the badge, the likelihood's band on the yardstick's scale,
 * its term and range ("Likely · 55–80 %"), a thin rule, then the confidence, as ICD 203 asks
 * the two be kept apart.
 */
export function addJudgments(context: SlideContext, of: Of<"judgments">): void {
  const { slide, frame, text, deck } = context;
  const breaks = lineBreaksOf(deck.language);
  let y = addHeading(context, of);
  const statement = { ...text, fontSize: points(26), color: colours.ink };
  for (const item of of.items) {
    const height = judgmentStacking.height(item, breaks);
    slide.addShape("rect", {
      ...place(mirrored(frame, { x: frame.side, y, w: 4, h: height })),
      fill: { color: confidenceColours[item.confidence] ?? colours.accent },
      line: { type: "none" },
    });
    const row = y + height - 4 - assessmentLine;
    slide.addText(paragraphs([inlineRuns(item.statement, statement)], { lineSpacingMultiple }), {
      ...place(
        mirrored(frame, { x: frame.side + 24, y: y + 4, w: frame.content - 24, h: row - y - 8 }),
      ),
      margin: 0,
      valign: "top",
    });
    addAssessment(context, item, row);
    y += height + judgmentStacking.space;
  }
  addCited(context, of);
}

// One line of the assessment's 18 px text, as the deck sets it.
const assessmentLine = 18 * 1.35;

function addAssessment(context: SlideContext, item: Judgment, row: number): void {
  const { slide, frame, text } = context;
  const end = frame.side + frame.content;
  let x = frame.side + 24;
  if (item.badge) {
    x += addBadge(context, item.badge, { x, y: row + (assessmentLine - 18) / 2 }) + 18;
  }
  const label = { ...text, fontSize: points(18), bold: true };
  const view = item.likelihoodView;
  if (view?.scale) {
    const box = { x, y: row + (assessmentLine - 10) / 2, w: 100, h: 10 };
    addScale(context, view.scale, mirrored(frame, box));
    x += 110;
  }
  // The likelihood and the confidence in one line, a faint rule between them with 18 px (two
  // en spaces) each side: one box, so that a font wider than the deck's moves them together.
  const runs: TextRun[] = [
    ...(view
      ? [
          ...plainRun(view.text, { ...label, color: colours.accent }),
          ...plainRun(assessmentRule, { ...label, bold: false, color: colours.faint }),
        ]
      : []),
    ...plainRun(item.confidenceLabel, { ...label, color: colours.muted }),
  ];
  slide.addText(runs, {
    ...place(mirrored(frame, { x, y: row, w: Math.max(40, end - x), h: assessmentLine })),
    margin: 0,
    valign: "middle",
  });
}

/** What stands between a judgment's likelihood and its confidence (`.judgment__likelihood`). */
export const assessmentRule = "\u2002\u2002\u2502\u2002\u2002";

type Judgment = Of<"judgments">["items"][number];

/**
 * The sources, numbered as they are cited: each one's grade, its title in bold, its URL a
 * link with the date it was read after it; the grading scale's key at the foot.
 */
export function addSources(context: SlideContext, of: Of<"sources">): void {
  const { slide, frame, text, deck } = context;
  const top = addHeading(context, of);
  const style = { ...text, fontSize: points(24), color: colours.ink };
  const muted = { ...style, color: colours.muted };
  const breaks = lineBreaksOf(deck.language);
  // Each source's number in a column of its own, its entry beside it (`.source`'s grid).
  let y = top;
  for (const source of of.sources) {
    const height = sourceStacking.height(source, breaks);
    slide.addText(`[${source.number}]`, {
      ...place(mirrored(frame, { x: frame.side, y, w: numberColumn, h: height })),
      ...muted,
      margin: 0,
      valign: "top",
    });
    const entry: TextRun[] = [
      ...(source.grade
        ? plainRun(`${source.grade} `, {
            ...muted,
            fontSize: points(20),
            bold: true,
            charSpacing: points(1),
          })
        : []),
      ...source.text.flatMap((piece) =>
        plainRun(piece.text, piece.slot === "title" ? { ...style, bold: true } : style),
      ),
      ...linkRuns(source, style),
    ];
    const x = frame.side + numberColumn;
    slide.addText(paragraphs([entry], { lineSpacingMultiple }), {
      ...place(mirrored(frame, { x, y, w: frame.content - numberColumn, h: height })),
      margin: 0,
      valign: "top",
    });
    y += height + sourceStacking.space;
  }
  const key = of.gradeKey;
  const keyHeight = key ? gradeKeyHeight(key, breaks) : 0;
  const bottom = bodyBottom(frame, of);
  if (key) {
    const keyStyle = { ...text, fontSize: points(16), color: colours.muted };
    const half = ({ name, grades }: typeof key.reliability): TextRun[] => [
      ...plainRun(`${name} `, { ...keyStyle, bold: true }),
      ...plainRun(grades.map((grade) => `${grade.code} ${grade.words}`).join(" · "), keyStyle),
    ];
    slide.addText(
      paragraphs([half(key.reliability), half(key.credibility)], { lineSpacingMultiple }),
      {
        ...place({
          x: frame.side,
          y: bottom - keyHeight + 14,
          w: frame.content,
          h: keyHeight - 14,
        }),
        margin: 0,
        valign: "bottom",
      },
    );
  }
}

// The sources' numbers' column, in px.
const numberColumn = 56;

/** A source's URL as a link, and the date it was read, muted, in the label's words. */
function linkRuns(source: Of<"sources">["sources"][number], style: TextRun["options"] & {}) {
  const url = source.url;
  if (!url) return [];
  const pieces = source.link ?? [{ text: url, url: true as const }];
  return [
    { text: " ", options: { ...style } },
    ...pieces.flatMap((piece): TextRun[] => {
      if (piece.url) return inlineRuns([{ href: url, runs: [{ text: piece.text }] }], style);
      return plainRun(piece.text, piece.date ? { ...style, color: colours.muted } : style);
    }),
  ];
}
