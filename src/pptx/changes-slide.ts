// The slide of what changed since the earlier brief (`--since`, changes.hbs): each line's tag
// in a column of its own, beside an event's date and title, a judgment and how it moved, a
// source.
import type { Slide } from "../model/deck.js";
import { changeStacking } from "../model/fit.js";
import { lineBreaksOf } from "../model/line-breaks.js";
import { colours, mirrored, place, points } from "./geometry.js";
import { inlineRuns, type Paragraph, paragraphs, piecesText, plainRun } from "./runs.js";
import { addHeading, type SlideContext } from "./slide-context.js";

type Of<K extends Slide["kind"]> = Extract<Slide, { kind: K }>;

// The tag's column and the gap after it, in px (`.change`).
const tagColumn = 190;
const tagGap = 20;

/** What changed, a line a change, each under the last as `.changes` stacks them. */
export function addChanges(context: SlideContext, of: Of<"changes">): void {
  const { slide, frame, text, deck } = context;
  const breaks = lineBreaksOf(deck.language);
  let y = addHeading(context, of);
  const size = { ...text, fontSize: points(24), color: colours.ink };
  const bold = { ...size, bold: true };
  for (const line of of.items) {
    const height = changeStacking.height(line, breaks);
    const tagged = line.tag !== undefined;
    if (line.tag !== undefined) {
      const judgment = line.change === "moved-judgment" || line.change === "dropped-judgment";
      slide.addText(line.tag.toLocaleUpperCase(deck.language), {
        ...place(mirrored(frame, { x: frame.side, y: y + 6, w: tagColumn, h: height - 6 })),
        ...text,
        ...(deck.capitals ? { charSpacing: points(15 * 0.06) } : {}),
        fontSize: points(15),
        bold: true,
        color: judgment ? colours.accent : colours.muted,
        margin: 0,
        valign: "top",
      });
    }
    const x = frame.side + (tagged ? tagColumn + tagGap : 0);
    const first: Paragraph = [
      ...(line.dateText ? plainRun(`${line.dateText} `, bold) : []),
      // The line that says nothing moved is set in bold.
      ...inlineRuns(line.text, line.change === "no-change" ? bold : size),
    ];
    const assessment: Paragraph[] = line.now
      ? [
          [
            ...plainRun(`${line.now} `, bold),
            ...plainRun(`(${piecesText(line.was ?? [])})`, { ...size, color: colours.muted }),
          ],
        ]
      : [];
    slide.addText(paragraphs([first, ...assessment], { lineSpacingMultiple: 1.12 }), {
      ...place(mirrored(frame, { x, y, w: frame.side + frame.content - x, h: height })),
      margin: 0,
      valign: "top",
    });
    y += height + changeStacking.space;
  }
}
