import type { InlineRun } from "./inline.js";

/** A timeline category as shown in the legend and on events. */
export interface Category {
  key: string;
  label: string;
  color: string;
}

/** A source with the number it is cited by. */
export interface NumberedSource {
  number: number;
  id: string;
  title: string;
  publisher?: string;
  dateText?: string;
  url?: string;
}

/** An event as the slides show it. */
export interface EventView {
  title: string;
  dateText: string;
  detail?: InlineRun[];
  category?: Category;
  image?: string;
  notes?: string;
  refs: number[];
  /** True for events with a slide of their own. */
  hasSlide: boolean;
  slideId?: string;
}

interface SlideBase {
  id: string;
  title: string;
  /** "2/3" when a list continues over several slides. */
  part?: string;
  notes?: string;
  refs: number[];
  /** 1-based position in the deck; filled in once all slides are known. */
  number: number;
  /** The path in the brief's YAML this slide is drawn from, e.g. ["sections", 2]. */
  from: (string | number)[];
}

/** One slide of the deck; `kind` names the template partial that draws it. */
export type Slide = SlideBase &
  (
    | { kind: "title"; subtitle?: string; author?: string; dateText: string }
    | { kind: "summary"; items: string[] }
    | { kind: "overview"; events: EventView[]; categories: Category[] }
    | { kind: "event"; event: EventView }
    | { kind: "points"; items: string[] }
    | { kind: "watch"; items: string[] }
    | { kind: "actors"; people: { name: string; role: string; note?: string; image?: string }[] }
    | { kind: "quote"; text: string; attribution: string }
    | { kind: "image"; src: string; caption?: string; credit?: string }
    | {
        kind: "judgments";
        items: {
          statement: string;
          likelihood?: string;
          confidence: string;
          confidenceLabel: string;
        }[];
      }
    | { kind: "sources"; sources: NumberedSource[] }
  );

export type ClassificationLevel =
  | "unclassified"
  | "restricted"
  | "confidential"
  | "secret"
  | "top-secret"
  | "other";

/** Everything the templates need to draw a brief, and nothing they must compute. */
export interface Deck {
  name: string;
  title: string;
  subtitle?: string;
  author?: string;
  classification?: string;
  /** The colour family of the classification banner, from its wording. */
  classificationLevel: ClassificationLevel;
  language: string;
  dateText: string;
  keywords: string[];
  slides: Slide[];
  total: number;
}
