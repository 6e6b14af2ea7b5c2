import type { Deck, NumberedSource, Slide } from "./deck.js";

/** One sheet of the handout: a slide, what the presenter says about it, and what it cites. */
export interface HandoutSheet {
  slide: Slide;
  notes?: string;
  sources: NumberedSource[];
}

/**
 * The handout's sheets, one per slide in order, each with its speaker notes and its cited
 * sources written out in full. Pure.
 */
export function buildHandout(deck: Deck): HandoutSheet[] {
  const sources = new Map<number, NumberedSource>();
  for (const slide of deck.slides) {
    if (slide.kind === "sources") for (const s of slide.sources) sources.set(s.number, s);
  }
  return deck.slides.map((slide) => ({
    slide,
    notes: slide.notes,
    sources: slide.refs.flatMap((n) => sources.get(n) ?? []),
  }));
}
