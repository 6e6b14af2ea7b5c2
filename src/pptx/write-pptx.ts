// A deck as a native PowerPoint file: real text in text boxes and placeholders, the timeline as
// shapes, on one slide master with the banner and footer. Pure but for loading pptxgenjs, which
// is imported only here, when a PowerPoint file is asked for.
import { plainText } from "../markup/inline.js";
import type { Deck, Slide } from "../model/deck.js";
import type { PdfMetadata } from "../model/pdf-info.js";
import { addChanges } from "./changes-slide.js";
import { addActors, addCover, addImageSlide, addQuote } from "./figure-slides.js";
import { eastAsianFont, latinFont } from "./fonts.js";
import { frameOf } from "./geometry.js";
import { addJudgments, addList, addSources } from "./list-slides.js";
import { defineLayouts, titleStyles } from "./master.js";
import { newPresentation } from "./pptxgenjs.js";
import { repack } from "./repack.js";
import type { RunStyle } from "./runs.js";
import { type DeckImage, layoutOf, type SlideContext } from "./slide-context.js";
import { addEvent, addOverview } from "./timeline-slides.js";
import { addYardstick } from "./yardstick-slide.js";

export type { DeckImage } from "./slide-context.js";

/** What a PowerPoint file is made from. */
export interface PptxInput {
  deck: Deck;
  /** The deck's images by the path its slides name them with. */
  images: ReadonlyMap<string, DeckImage>;
  /** The document's properties, as the PDF has them, and its date. */
  metadata: PdfMetadata;
}

/** The deck as a .pptx file: the same input gives the same bytes. */
export async function writePptx({ deck, images, metadata }: PptxInput): Promise<Buffer> {
  const pres = await newPresentation();
  pres.layout = "LAYOUT_WIDE";
  pres.title = metadata.title;
  pres.subject = metadata.subject ?? "";
  pres.author = metadata.author ?? "";
  pres.company = "";
  pres.theme = { headFontFace: latinFont, bodyFontFace: latinFont };
  const rtl = deck.direction === "rtl";
  if (rtl) pres.rtlMode = true;
  // Read from the right, its paragraphs start there too, but where a box says otherwise.
  const text: RunStyle = { lang: deck.language, ...(rtl ? { rtlMode: true, align: "right" } : {}) };
  const frame = frameOf(deck);
  defineLayouts(pres, deck, frame, text);
  const numbers = new Map(deck.slides.map((slide) => [slide.id, slide.number]));
  const sourcesSlide = deck.slides.find((slide) => slide.kind === "sources")?.number;
  const titles = titleStyles(frame);
  for (const of of deck.slides) {
    const slide = pres.addSlide({ masterName: layoutOf(of) });
    const context: SlideContext = {
      slide,
      deck,
      frame,
      titles,
      text,
      slideNumber: (id) => numbers.get(id),
      sourcesSlide,
      images,
    };
    addSlide(context, of);
    if (of.notes && of.notes.length > 0) slide.addNotes(plainText(of.notes));
  }
  const written = (await pres.write({ outputType: "nodebuffer", compression: false })) as Buffer;
  return repack(written, {
    date: metadata.date,
    eastAsianFont: eastAsianFont(deck.language),
    language: deck.language,
  });
}

/** What draws each kind of slide. */
const drawers: {
  [K in Slide["kind"]]: (context: SlideContext, of: Extract<Slide, { kind: K }>) => void;
} = {
  title: addCover,
  summary: addList,
  changes: addChanges,
  points: addList,
  watch: addList,
  overview: addOverview,
  event: addEvent,
  actors: addActors,
  quote: addQuote,
  image: addImageSlide,
  judgments: addJudgments,
  sources: addSources,
  yardstick: addYardstick,
};

function addSlide(context: SlideContext, of: Slide): void {
  (drawers[of.kind] as (context: SlideContext, of: Slide) => void)(context, of);
}
