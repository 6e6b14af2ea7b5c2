// The timeline's slides: each overview page, and the slide of each event with its strip.
import type { Slide } from "../model/deck.js";
import { lineBreaksOf } from "../model/line-breaks.js";
import { lineCount, textWidth } from "../model/measure-text.js";
import { colours, hex, place, points } from "./geometry.js";
import { inlineRuns, paragraphs, plainRun } from "./runs.js";
import {
  addCited,
  addHeading,
  addRule,
  addTitle,
  bodyBottom,
  type DeckImage,
  layoutOf,
  type SlideContext,
} from "./slide-context.js";
import { addLegend, addPlot, addStrip } from "./timeline.js";

type Of<K extends Slide["kind"]> = Extract<Slide, { kind: K }>;

/** An overview page: its heading, the plot in the room between it and the legend, the legend. */
export function addOverview(context: SlideContext, of: Of<"overview">): void {
  const { frame } = context;
  const contentTop = addHeading(context, of, 12);
  const legendTop = frame.footerTop - 8 - 26;
  const room = (of.categories.length > 0 ? legendTop : frame.footerTop - 16) - contentTop;
  // Centred in its room, as `.tl` is (`margin: auto 0`).
  addPlot(context, of.plot, frame.side, contentTop + Math.max(0, (room - of.plot.height) / 2));
  if (of.categories.length > 0) addLegend(context, of.categories, legendTop);
}

// The strip and its dates, as tall as `.strip` with the 16 px above it.
const stripHeight = 38;

/** An event's slide: date and category, title, detail, the time since the last of its kind, picture, strip. */
export function addEvent(context: SlideContext, of: Of<"event">): void {
  const { slide, frame, text, deck } = context;
  const { event } = of;
  const colour = event.category ? hex(event.category.color) : colours.accent;
  const top = frame.top;
  const dateStyle = { size: 24, weight: 600 } as const;
  slide.addText(event.dateText, {
    ...place({ x: frame.side, y: top, w: 700, h: 32 }),
    ...text,
    margin: 0,
    valign: "middle",
    fontSize: points(24),
    bold: true,
    color: colour,
  });
  if (event.category) {
    const label = event.category.label;
    const width = textWidth(label, { size: 18, weight: 600 }) + 26;
    slide.addText(label, {
      ...place({
        x: frame.side + textWidth(event.dateText, dateStyle) + 14,
        y: top + 2,
        w: width,
        h: 28,
      }),
      ...text,
      shape: "roundRect",
      rectRadius: 0.1,
      fill: { color: colour },
      align: "center",
      valign: "middle",
      margin: 0,
      fontSize: points(18),
      bold: true,
      color: colours.white,
    });
  }
  const layout = layoutOf(of);
  const title = context.titles[layout];
  const size = of.longTitle ? 30 : 44;
  addTitle(context, layout, [{ text: event.title, options: {} }], size);
  const lines = lineCount(
    [{ text: event.title, style: { size, weight: 700 } }],
    title.box.w,
    lineBreaksOf(deck.language),
  );
  const textTop = addRule(context, title.box.x, title.box.y + lines * size * 1.15, colour) + 28;
  const stripTop = bodyBottom(frame, of) - stripHeight;
  const body = [
    ...(event.detail
      ? [inlineRuns(event.detail, { ...text, fontSize: points(28), color: colours.ink })]
      : []),
    ...(event.previous
      ? [
          plainRun(event.previous.text.map((piece) => piece.text).join(""), {
            ...text,
            fontSize: points(24),
            color: colours.muted,
            paraSpaceBefore: points(22),
          }),
        ]
      : []),
  ];
  if (body.length > 0) {
    slide.addText(paragraphs(body, { lineSpacingMultiple: 1.2 }), {
      ...place({ x: frame.side, y: textTop, w: title.box.w, h: stripTop - 16 - textTop }),
      margin: 0,
      valign: "top",
    });
  }
  const picture = event.image ? context.images.get(event.image) : undefined;
  if (picture) {
    const box = { x: frame.side + frame.content - 420, y: top, w: 420, h: stripTop - 16 - top };
    addPicture(
      context,
      picture,
      contained(picture, { ...box, h: Math.min(460, box.h) }, box),
      event.title,
    );
  }
  addStrip(context, of.strip, event.category, stripTop);
  addCited(context, of);
}

/** A picture scaled to fit `fit` whole, centred in `within`. */
export function contained(
  image: DeckImage,
  fit: { w: number; h: number },
  within: { x: number; y: number; w: number; h: number },
) {
  const scale = Math.min(fit.w / image.width, fit.h / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  return { x: within.x + (within.w - w) / 2, y: within.y + (within.h - h) / 2, w, h };
}

/** A picture at a box in pixels, with its alt text. */
export function addPicture(
  context: SlideContext,
  image: DeckImage,
  box: { x: number; y: number; w: number; h: number },
  altText: string,
  rounding = false,
): void {
  context.slide.addImage({ data: image.data, ...place(box), altText, rounding });
}
