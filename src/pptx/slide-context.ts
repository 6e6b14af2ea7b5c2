import type { Deck, Slide } from "../model/deck.js";
import { colours, type Frame, place, points } from "./geometry.js";
import type { LayoutName, TitleStyle } from "./master.js";
import type { PptxSlide } from "./pptxgenjs.js";
import { citedRuns, type Paragraph, type RunStyle } from "./runs.js";

/** An image of the deck as a slide shows it: its bytes and its size in pixels. */
export interface DeckImage {
  /** "image/png;base64,…", as pptxgenjs takes an image's data. */
  data: string;
  width: number;
  height: number;
}

/** What the code that draws one slide is given. */
export interface SlideContext {
  slide: PptxSlide;
  deck: Deck;
  frame: Frame;
  /** Where each layout's title placeholder is, and how its text is set. */
  titles: Record<LayoutName, TitleStyle>;
  /** The options every run of the deck's text starts from: its language and direction. */
  text: RunStyle;
  /** A slide's number in the deck by its id, for internal links. */
  slideNumber(id: string): number | undefined;
  /** The number of the sources slide, which citations link to. */
  sourcesSlide?: number;
  /** The deck's images, by the path its slides name them with (`assetUrl`). */
  images: ReadonlyMap<string, DeckImage>;
}

/** The layout a kind of slide is made on. */
export function layoutOf(slide: Slide): LayoutName {
  switch (slide.kind) {
    case "title":
      return "Title";
    case "event":
      return slide.event.image ? "Event and picture" : "Event";
    case "quote":
      return "Quote";
    case "image":
      return "Picture";
    default:
      return "Heading";
  }
}

/**
 * Puts runs in the slide's title placeholder, so that PowerPoint's outline and its
 * accessibility checker find the title, each run in the layout's title font unless it says
 * otherwise.
 */
export function addTitle(
  context: SlideContext,
  layout: LayoutName,
  runs: Paragraph,
  size?: number,
): void {
  const style = context.titles[layout];
  const font = {
    ...context.text,
    fontSize: points(size ?? style.size),
    bold: style.bold,
    color: style.color,
  };
  const styled = runs.map((run) => ({ text: run.text, options: { ...font, ...run.options } }));
  // The master's title style centres titles: the theme's start where the text does, but for
  // a picture's caption.
  const align = layout === "Picture" ? "center" : context.text.rtlMode ? "right" : "left";
  context.slide.addText(styled, { placeholder: "title", align });
}

/**
 * The slide's title in the heading's place, with its part ("(2/3)") after it and the accent
 * rule under it, as the theme's `.heading` draws them. Returns where the slide's content
 * starts, in pixels.
 */
export function addHeading(context: SlideContext, of: Slide, after = 28): number {
  const size = of.longTitle ? 30 : 44;
  const part: Paragraph = of.partText
    ? [
        {
          text: ` ${of.partText}`,
          options: { bold: false, color: colours.muted, fontSize: points(28) },
        },
      ]
    : [];
  addTitle(context, "Heading", [{ text: of.title, options: {} }, ...part], size);
  const box = context.titles.Heading.box;
  return addRule(context, box, headingBottom(box.y, of.longTitle), colours.accent) + after;
}

/** Where a heading's text ends: one line at the normal size, two at the smaller one. */
export const headingBottom = (top: number, long?: boolean) =>
  top + Math.round(long ? 2 * 30 * 1.15 : 44 * 1.15);

/** The short rule under a heading in `box` (`.heading::after`), at its start; returns where it ends. */
export function addRule(
  context: SlideContext,
  box: { x: number; w: number },
  under: number,
  colour: string,
): number {
  const x = context.frame.rtl ? box.x + box.w - 56 : box.x;
  context.slide.addShape("rect", {
    ...place({ x, y: under + 14, w: 56, h: 4 }),
    fill: { color: colour },
    line: { type: "none" },
  });
  return under + 14 + 4;
}

/** The slide's sources line at the foot of its body, if it cites any. */
export function addCited(context: SlideContext, of: Slide): void {
  if (of.refs.length === 0) return;
  const { slide, frame, deck, text, sourcesSlide } = context;
  const style = { ...text, fontSize: points(18), color: colours.muted };
  slide.addText(citedRuns(deck, of.refs, sourcesSlide, style), {
    ...place({ x: frame.side, y: frame.footerTop - 16 - 26, w: frame.content, h: 26 }),
    margin: 0,
    valign: "bottom",
  });
}

/** Where a slide's body ends: above its sources line, if it has one. */
export function bodyBottom(frame: Frame, of: Slide): number {
  return frame.footerTop - (of.refs.length > 0 ? 16 + 26 + 12 : 16);
}
