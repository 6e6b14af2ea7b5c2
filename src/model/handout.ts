import type { InlineRun } from "../markup/inline.js";
import type { Deck, NumberedSource, Slide } from "./deck.js";
import { deckOutline } from "./outline.js";

/** One sheet of the handout: a slide, what the presenter says about it, and what it cites. */
export interface HandoutSheet {
  slide: Slide;
  notes?: InlineRun[];
  sources: NumberedSource[];
}

/** A line of the handout's contents: a part of the deck and the slide it starts on. */
export interface ContentsLine {
  title: string;
  slideId: string;
  number: number;
}

/** Everything the handout template draws. */
export interface Handout {
  deck: Deck;
  sheets: HandoutSheet[];
  /** The parts of the deck after its title, listed under the title slide. */
  contents: ContentsLine[];
}

/**
 * The handout: one sheet per slide in order, each with its speaker notes and its cited sources
 * written out in full, and a list of contents for the first sheet. Pure.
 */
export function buildHandout(deck: Deck): Handout {
  const sources = new Map<number, NumberedSource>();
  for (const slide of deck.slides) {
    if (slide.kind === "sources") for (const s of slide.sources) sources.set(s.number, s);
  }
  const sheets = deck.slides.map((slide) => ({
    slide,
    notes: slide.notes,
    sources: slide.refs.flatMap((n) => sources.get(n) ?? []),
  }));
  const contents = deckOutline(deck)
    .slice(1)
    .map((entry) => ({
      title: entry.title,
      slideId: deck.slides[entry.page - 1]?.id ?? "",
      number: entry.page,
    }));
  return { deck, sheets, contents };
}
