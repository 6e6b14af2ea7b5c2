// The slides that are lists: the summary, points and watch items as bulleted paragraphs of one
// text box, judgments with their likelihood and confidence, and the sources.
import type { Slide } from "../model/deck.js";
import { judgmentStacking } from "../model/fit.js";
import { lineBreaksOf } from "../model/line-breaks.js";
import { colours, mirrored, place, points } from "./geometry.js";
import type { TextRun } from "./pptxgenjs.js";
import { inlineRuns, type Paragraph, paragraphs, plainRun } from "./runs.js";
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

/** Judgments: each statement over its likelihood and confidence, ruled in its confidence's colour. */
export function addJudgments(context: SlideContext, of: Of<"judgments">): void {
  const { slide, frame, text, deck } = context;
  const breaks = lineBreaksOf(deck.language);
  let y = addHeading(context, of);
  const statement = { ...text, fontSize: points(26), color: colours.ink };
  const label = { ...text, fontSize: points(18), bold: true, charSpacing: points(1.08) };
  for (const item of of.items) {
    const height = judgmentStacking.height(item, breaks);
    slide.addShape("rect", {
      ...place(mirrored(frame, { x: frame.side, y, w: 4, h: height })),
      fill: { color: ruleColours[item.confidence] ?? colours.accent },
      line: { type: "none" },
    });
    const assessment: Paragraph = [
      ...(item.likelihood
        ? plainRun(`${upper(item.likelihood, deck.language)}   `, {
            ...label,
            color: colours.accent,
          })
        : []),
      ...plainRun(upper(item.confidenceLabel, deck.language), { ...label, color: colours.muted }),
    ];
    slide.addText(
      paragraphs([inlineRuns(item.statement, statement), assessment], { lineSpacingMultiple }),
      {
        ...place(
          mirrored(frame, { x: frame.side + 24, y: y + 4, w: frame.content - 24, h: height - 8 }),
        ),
        margin: 0,
        valign: "top",
      },
    );
    y += height + judgmentStacking.space;
  }
  addCited(context, of);
}

const ruleColours: Record<string, string> = { low: "A0AEC0", moderate: "4A77B4" };

const upper = (words: string, language: string) => words.toLocaleUpperCase(language);

/** The sources, numbered as they are cited, each title in bold and its URL a link. */
export function addSources(context: SlideContext, of: Of<"sources">): void {
  const { slide, frame, text } = context;
  const top = addHeading(context, of);
  const style = { ...text, fontSize: points(24), color: colours.ink };
  const list = of.sources.map((source): TextRun[] => [
    ...plainRun(`[${source.number}]  `, { ...style, color: colours.muted }),
    ...source.text.flatMap((piece) =>
      plainRun(piece.text, piece.slot === "title" ? { ...style, bold: true } : style),
    ),
    ...(source.url
      ? [
          { text: " ", options: { ...style } },
          ...inlineRuns([{ href: source.url, runs: [{ text: source.url }] }], style),
        ]
      : []),
  ]);
  slide.addText(paragraphs(list, { paraSpaceAfter: points(14), lineSpacingMultiple }), {
    ...place({ x: frame.side, y: top, w: frame.content, h: bodyBottom(frame, of) - top }),
    margin: 0,
    valign: "top",
  });
}
