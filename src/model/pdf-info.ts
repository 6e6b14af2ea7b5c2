import type { NormalBrief } from "../normalize/normal-brief.js";
import { startOf } from "../timeline/date.js";
import type { Deck } from "./deck.js";
import { deckOutline, type OutlineEntry } from "./outline.js";

/** What goes into the PDF's document information. */
export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords: string[];
  /** Used as creation and modification date, so the same brief gives the same metadata. */
  date: Date;
}

/** What the finished PDF carries beyond the printed pages. */
export interface PdfExtras {
  metadata: PdfMetadata;
  /** The bookmarks; see `deckOutline`. */
  outline: OutlineEntry[];
  /** Identifies this build's inputs; hashed into the file identifier, so rebuilds are identical. */
  fingerprint: string;
}

/**
 * The metadata, bookmarks and identity of a brief's PDFs (the deck's and the handout's), dated
 * by the brief's as-of date, or by `sourceDateEpoch` (seconds) when one is given. Pure.
 */
export function pdfExtras(
  { date, written: brief }: NormalBrief,
  deck: Deck,
  html: string,
  sourceDateEpoch?: number,
): PdfExtras {
  const metadata = {
    title: brief.title,
    author: brief.author,
    subject: brief.subtitle,
    keywords: Object.values(brief.timeline.categories ?? {}).map((c) => c.label),
    date:
      sourceDateEpoch !== undefined ? new Date(sourceDateEpoch * 1000) : new Date(startOf(date)),
  };
  return { metadata, outline: deckOutline(deck), fingerprint: JSON.stringify({ html, metadata }) };
}
