import type { Deck, Slide } from "./deck.js";

/** One bookmark of the PDF outline: a title, the 1-based page it opens, and its children. */
export interface OutlineEntry {
  title: string;
  page: number;
  children: OutlineEntry[];
}

/**
 * The PDF's bookmarks, read off the deck model: the title, the summary, the timeline with its
 * events beneath it, each section and the sources. A list continued over several slides is one
 * bookmark, at its first slide: "(2/2)" pages would only clutter the outline. Pure.
 */
export function deckOutline(deck: Deck): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  let timeline: OutlineEntry | undefined;
  for (const slide of deck.slides) {
    if (slide.part && !slide.part.startsWith("1/")) continue;
    const entry: OutlineEntry = {
      title: slide.title || untitled(slide, deck) || slide.kind,
      page: slide.number,
      children: [],
    };
    if (slide.kind === "overview") timeline = entry;
    if (slide.kind === "event" && timeline) timeline.children.push(entry);
    else entries.push(entry);
  }
  return entries;
}

function untitled(slide: Slide, deck: Deck): string | undefined {
  if (slide.kind === "image") return deck.labels.image;
  if (slide.kind === "quote") return deck.labels.quote;
  return undefined;
}
