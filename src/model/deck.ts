import type { Labels } from "../labels/labels.js";
import type { Piece } from "../labels/phrase.js";
import type { InlineRun } from "../markup/inline.js";

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
  /** Title, publisher and date as the brief's language writes a source: the `source` label. */
  text: Piece[];
}

/** An event as the slides show it. */
export interface EventView {
  title: string;
  dateText: string;
  detail?: InlineRun[];
  category?: Category;
  image?: string;
  notes?: InlineRun[];
  refs: number[];
  /** True for events with a slide of their own. */
  hasSlide: boolean;
  slideId?: string;
  approx: boolean;
  /** The time since the previous event of the same category: "9 months after …", in words. */
  previous?: { duration: string; title: string; dateText: string; text: Piece[] };
}

/** The overview's picture, in pixels within its plot area; see templates/theme/timeline.css. */
export interface OverviewPlot {
  width: number;
  height: number;
  axisY: number;
  segments: { left: number; width: number }[];
  breaks: { x: number; text: string }[];
  events: {
    event: EventView;
    x: number;
    span?: { left: number; width: number };
    label: { left: number; top: number; width: number; height: number; side: "above" | "below" };
    leader: { x: number; top: number; height: number };
  }[];
  intervals: { left: number; width: number; top: number; text: string }[];
  /** The as-of line, its label on the side with room for it. */
  asOf?: { x: number; top: number; text: string; side: "left" | "right" };
}

/** The "you are here" strip on an event slide: the whole timeline, this event marked. */
export interface TimelineStrip {
  dots: { x: number; color?: string; current: boolean }[];
  marker: number;
  breaks: number[];
  firstText: string;
  lastText: string;
}

interface SlideBase {
  id: string;
  title: string;
  /** "2/3" when a list continues over several slides. */
  part?: string;
  /** The part as the heading shows it, in the brief's language: "(2/3)", "（2/3）". */
  partText?: string;
  notes?: InlineRun[];
  refs: number[];
  /** The title is long enough to be set smaller, leaving the slide room for its content. */
  longTitle?: boolean;
  /** 1-based position in the deck; filled in once all slides are known. */
  number: number;
  /** The path in the brief's YAML this slide is drawn from, e.g. ["sections", 2]. */
  from: (string | number)[];
}

/** One slide of the deck; `kind` names the template partial that draws it. */
export type Slide = SlideBase &
  (
    | { kind: "title"; subtitle?: string; author?: string; dateText: string }
    | { kind: "summary"; items: InlineRun[][] }
    | { kind: "overview"; plot: OverviewPlot; categories: Category[] }
    | { kind: "event"; event: EventView; strip: TimelineStrip }
    | { kind: "points"; items: InlineRun[][] }
    | { kind: "watch"; items: InlineRun[][] }
    | {
        kind: "actors";
        people: { name: string; role: InlineRun[]; note?: InlineRun[]; image?: string }[];
      }
    | { kind: "quote"; text: InlineRun[]; attribution: string }
    | {
        kind: "image";
        src: string;
        /** The caption as plain text, for the image's alt text. */
        alt: string;
        caption?: InlineRun[];
        credit?: InlineRun[];
      }
    | {
        kind: "judgments";
        items: {
          statement: InlineRun[];
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

/** A slide before it is given its number in the deck. */
export type SlideDraft = Slide extends infer S
  ? S extends Slide
    ? Omit<S, "number">
    : never
  : never;

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
  /** "rtl" for a brief in Arabic, Hebrew and other languages written right to left. */
  direction: "ltr" | "rtl";
  /** Whether its script has capitals (Latin, Cyrillic, …): only then are labels tracked. */
  capitals: boolean;
  /** The tool's own words for this brief: its language's catalogue under its overrides. */
  labels: Labels;
  dateText: string;
  /** "As of 19 June 2024", the date a piece of its own. */
  asOf: Piece[];
  /** A slide's sources line, "Sources: [1] [2]": the label's words, and where the numbers go. */
  citedLine: { text?: string; refs?: true }[];
  keywords: string[];
  slides: Slide[];
  /**
   * The slides as reveal.js arranges them: each overview page with its events' slides below it
   * in a vertical stack, every other slide on its own. Read in order, they are `slides`.
   */
  columns: { stacked: boolean; slides: Slide[] }[];
  total: number;
}
