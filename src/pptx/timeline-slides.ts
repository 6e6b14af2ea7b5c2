// The timeline's slides: each overview page, and the slide of each event with its strip.
import type { Slide } from "../model/deck.js";
import { lineBreaksOf } from "../model/line-breaks.js";
import { lineCount, textWidth } from "../model/measure-text.js";
import { datePlace } from "../model/timeline-slides.js";
import { colours, hex, mirrored, mixWithWhite, place, points } from "./geometry.js";
import { addBadge, badgeWidth, eventBadgeSize } from "./marks.js";
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
import { addLegend, addPlot, addStrip, addTimesNote } from "./timeline.js";

type Of<K extends Slide["kind"]> = Extract<Slide, { kind: K }>;

/**
 * An overview page: its heading, the plot in the room between it and the legend, the legend
 * and the note of the zone its times are shown in.
 */
export function addOverview(context: SlideContext, of: Of<"overview">): void {
  const { frame } = context;
  const contentTop = addHeading(context, of, 12);
  const legendTop = frame.footerTop - 8 - 26;
  const room = (of.legend ? legendTop : frame.footerTop - 16) - contentTop;
  // Centred in its room, as `.tl` is (`margin: auto 0`).
  addPlot(context, of.plot, frame.side, contentTop + Math.max(0, (room - of.plot.height) / 2));
  if (of.categories.length > 0 || of.plot.unlabelled !== undefined) {
    addLegend(context, of.categories, legendTop, of.plot.unlabelled);
  }
  if (of.timesNote !== undefined) addTimesNote(context, of.timesNote, legendTop);
}

// The strip and its dates, as tall as `.strip` with the 16 px above it.
const stripHeight = 38;

/** An event's slide: date and category, title, detail, the time since the last of its kind, picture, strip. */
export function addEvent(context: SlideContext, of: Of<"event">): void {
  const { slide, frame, text, deck } = context;
  const { event } = of;
  const layout = layoutOf(of);
  const title = context.titles[layout];
  const colour = event.category ? hex(event.category.color) : colours.accent;
  const top = frame.top;
  // The category after the date in the same line, as the theme's chip: its colour on a tint of
  // it (a highlight, which PowerPoint before 2019 leaves out, showing the coloured words alone).
  const chip = event.category
    ? [
        { text: "   ", options: { ...text, fontSize: points(24) } },
        {
          text: `\u2009${event.category.label}\u2009`,
          options: {
            ...text,
            fontSize: points(18),
            bold: true,
            color: colour,
            highlight: mixWithWhite(colour, 0.16),
          },
        },
      ]
    : [];
  // The date and the place, one run: "19 June 2024 · Pyongyang", as `.event__date` writes it.
  const dateLine = datePlace(event, deck.labels);
  slide.addText(
    [
      {
        text: dateLine,
        options: { ...text, fontSize: points(24), bold: true, color: colour },
      },
      ...chip,
    ],
    { ...place({ x: title.box.x, y: top, w: title.box.w, h: 32 }), margin: 0, valign: "middle" },
  );
  if (event.badge) {
    // After the date and the chip, in the same line (`.event__date .badge`).
    const after =
      textWidth(dateLine, { size: 24, weight: 700 }) +
      (event.category
        ? textWidth("   ", { size: 24, weight: 400 }) +
          textWidth(`\u2009${event.category.label}\u2009`, { size: 18, weight: 700 })
        : 0) +
      10;
    const w = badgeWidth(event.badge.toLocaleUpperCase(deck.language), eventBadgeSize);
    const x = frame.rtl ? title.box.x + title.box.w - after - w : title.box.x + after;
    const y = top + (32 - eventBadgeSize.line) / 2;
    addBadge(context, event.badge, { x, y }, eventBadgeSize, false);
  }
  const size = of.longTitle ? 30 : 44;
  addTitle(context, layout, [{ text: event.title, options: {} }], size);
  const lines = lineCount(
    [{ text: event.title, style: { size, weight: 700 } }],
    title.box.w,
    lineBreaksOf(deck.language),
  );
  const textTop = addRule(context, title.box, title.box.y + lines * size * 1.15, colour) + 28;
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
      ...place({ x: title.box.x, y: textTop, w: title.box.w, h: stripTop - 16 - textTop }),
      margin: 0,
      valign: "top",
    });
  }
  const picture = event.image ? context.images.get(event.image) : undefined;
  if (picture) {
    // Beside the text, at the start of its column (`.event__image`).
    const box = { x: frame.side + frame.content - 420, y: top, w: 420, h: stripTop - 16 - top };
    const placed = contained(picture, { ...box, h: Math.min(460, box.h) }, box, true);
    addPicture(context, picture, mirrored(frame, placed), event.alt || event.title);
  }
  addStrip(context, of.strip, event.category, stripTop);
  addCited(context, of);
}

/**
 * A picture scaled down to fit `fit` whole, as `max-width` and `max-height` do (a pixel a CSS
 * pixel, never enlarged), in `within`: centred, or at its start (`left`) and centred down.
 */
export function contained(
  image: DeckImage,
  fit: { w: number; h: number },
  within: { x: number; y: number; w: number; h: number },
  left = false,
) {
  const scale = Math.min(1, fit.w / image.width, fit.h / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  const x = left ? within.x : within.x + (within.w - w) / 2;
  return { x, y: within.y + (within.h - h) / 2, w, h };
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
