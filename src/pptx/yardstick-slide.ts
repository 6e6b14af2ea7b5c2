// The closing slide that explains the yardstick: its bands, each with its range and its place
// on the scale, beside what each confidence level means (yardstick.hbs, `.yardstick`).
import type { Slide } from "../model/deck.js";
import { lineBreaksOf } from "../model/line-breaks.js";
import { lineCount } from "../model/measure-text.js";
import { colours, mirrored, place, points } from "./geometry.js";
import { addScale, confidenceColours } from "./marks.js";
import { addHeading, type SlideContext } from "./slide-context.js";

type Of<K extends Slide["kind"]> = Extract<Slide, { kind: K }>;

// The two columns, 1.1fr and 1fr with 56 px between them, and a band's row: 20 px text
// (1.35 lines) in 6 px of padding over a 1 px rule.
const gap = 56;
const bandRow = 6 + 27 + 6 + 1;
const scaleWidth = 160;

/** The yardstick: its name and bands on the left, the confidence levels and the note on the right. */
export function addYardstick(context: SlideContext, of: Of<"yardstick">): void {
  const { slide, frame, text, deck } = context;
  const top = addHeading(context, of);
  const left = Math.round(((frame.content - gap) * 1.1) / 2.1);
  const right = frame.content - gap - left;
  const at = (box: { x: number; y: number; w: number; h: number }) => place(mirrored(frame, box));
  const name = { ...text, fontSize: points(20), bold: true, color: colours.muted, margin: 0 };
  slide.addText(of.yardstickName, {
    ...at({ x: frame.side, y: top, w: left, h: 26 }),
    ...name,
    valign: "top",
  });
  let y = top + 26 + 10;
  for (const band of of.bands) {
    const textWidth = left - scaleWidth - 16;
    const row = { ...text, fontSize: points(20), margin: 0, valign: "middle" } as const;
    slide.addText(band.term, {
      ...at({ x: frame.side, y, w: textWidth, h: bandRow - 1 }),
      ...row,
      color: colours.ink,
    });
    // The range at the column's end, before the scale, as `grid-template-columns: 1fr auto`.
    slide.addText(band.rangeText, {
      ...at({ x: frame.side, y, w: textWidth, h: bandRow - 1 }),
      ...row,
      align: frame.rtl ? "left" : "right",
      // Read left to right in every language, as the deck's `<bdi>` keeps "1–5 %" together.
      rtlMode: false,
      color: colours.muted,
      wrap: false,
    });
    const scale = {
      x: frame.side + left - scaleWidth,
      y: y + (bandRow - 1 - 14) / 2,
      w: 160,
      h: 14,
    };
    addScale(context, band.scale, mirrored(frame, scale));
    slide.addShape("line", {
      ...at({ x: frame.side, y: y + bandRow - 1, w: left, h: 0 }),
      line: { color: colours.faint, width: points(1) },
    });
    y += bandRow;
  }
  const x = frame.side + left + gap;
  slide.addText(of.confidenceHeading, {
    ...at({ x, y: top, w: right, h: 26 }),
    ...name,
    valign: "top",
  });
  const breaks = lineBreaksOf(deck.language);
  y = top + 26;
  for (const level of of.confidence) {
    y += 10;
    slide.addShape("rect", {
      ...at({ x, y, w: 4, h: 27 }),
      fill: { color: confidenceColours[level.level] ?? colours.accent },
      line: { type: "none" },
    });
    slide.addText(level.label, {
      ...at({ x: x + 16, y, w: right - 16, h: 27 }),
      ...text,
      fontSize: points(20),
      bold: true,
      color: colours.ink,
      margin: 0,
      valign: "middle",
    });
    y += 27 + 2;
    const lines = lineCount(
      [{ text: level.meaning, style: { size: 18, weight: 400 } }],
      right - 16,
      breaks,
    );
    const h = Math.ceil(lines * 18 * 1.35);
    slide.addText(level.meaning, {
      ...at({ x: x + 16, y, w: right - 16, h }),
      ...text,
      fontSize: points(18),
      color: colours.ink,
      margin: 0,
      valign: "top",
      lineSpacingMultiple: 1.12,
    });
    y += h;
  }
  y += 16;
  slide.addText(of.confidenceNote, {
    ...at({ x, y, w: right, h: Math.max(27, frame.footerTop - 16 - y) }),
    ...text,
    fontSize: points(17),
    color: colours.muted,
    margin: 0,
    valign: "top",
    lineSpacingMultiple: 1.12,
  });
}
