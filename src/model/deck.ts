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
  /** The source's Admiralty grade in capitals, "B2", when the brief gives one. */
  grade?: string;
  /** The grade in words, "B usually reliable, 2 probably true", for the reader who hovers it. */
  gradeWords?: string;
  /** The URL, with the date it was read when the brief gives one ("{url}, accessed {date}"). */
  link?: LinkPiece[];
}

/** A piece of a source's link line: the URL itself, the access date, or the label's words. */
export interface LinkPiece {
  text: string;
  url?: true;
  date?: true;
}

/** The key of the Admiralty scale under a sources slide: each half's name and its grades. */
export interface GradeKey {
  reliability: { name: string; grades: { code: string; words: string }[] };
  credibility: { name: string; grades: { code: string; words: string }[] };
}

/** An event as the slides show it. */
export interface EventView {
  title: string;
  dateText: string;
  /** Where it happened, a place name, shown after its date: "19 June 2024 · Pyongyang". */
  location?: string;
  /** High events get a larger dot; the overview may leave low events' dots unlabelled. */
  importance: "high" | "normal" | "low";
  detail?: InlineRun[];
  category?: Category;
  image?: string;
  /** The image described in words, for its alt text. */
  alt?: string;
  notes?: InlineRun[];
  refs: number[];
  /** True for events with a slide of their own. */
  hasSlide: boolean;
  slideId?: string;
  approx: boolean;
  /** "New" when built `--since` an earlier brief that did not have it. */
  badge?: string;
  /** The time since the previous event of the same category: "9 months after …", in words. */
  previous?: { duration: string; title: string; dateText: string; text: Piece[] };
}

/** One line of the slide of what changed since the earlier brief. */
export interface ChangeLine {
  change:
    | "new-event"
    | "moved-judgment"
    | "new-judgment"
    | "dropped-judgment"
    | "new-source"
    | "no-change";
  /** What kind of change it is, in words; absent on the line that says nothing moved. */
  tag?: string;
  /** An event's date, before its title. */
  dateText?: string;
  text: InlineRun[];
  /** What of a moved judgment's assessment moved, as it is now, and as it was: "was: unlikely". */
  now?: string;
  was?: Piece[];
}

/** The overview's picture, in pixels within its plot area; see templates/theme/timeline.css. */
export interface OverviewPlot {
  width: number;
  height: number;
  /** The line the breaks' words sit on: the one axis, or the last lane's. */
  axisY: number;
  /** Each row's line; with lanes, each named at its start (the last lane, of events with no category, is not). */
  rows: { y: number; name?: { text: string; color: string; top: number; width: number } }[];
  segments: { left: number; width: number }[];
  breaks: { x: number; text: string }[];
  events: {
    event: EventView;
    /** The event's location, when the label's date line has room for it after the date. */
    location?: string;
    x: number;
    /** The line its dot is on. */
    y: number;
    span?: { left: number; width: number };
    /** Absent for a low event the page had no room to label: its dot alone. */
    label?: { left: number; top: number; width: number; height: number; side: "above" | "below" };
    leader?: { x: number; top: number; height: number };
  }[];
  /** "+2 events without labels, listed in the notes", when the page left some out. */
  unlabelled?: string;
  intervals: { left: number; width: number; top: number; text: string }[];
  /** The as-of line, its label on the side with room for it. */
  asOf?: { x: number; top: number; text: string; side: "left" | "right" };
  /**
   * Periods as bands behind everything, the plot's full height, in their colour; each label in
   * a row of its own under the rest, from the band's left edge (`label.top` is the row's top).
   */
  periods: {
    left: number;
    width: number;
    color: string;
    label: { text: string; left: number; top: number; width: number };
  }[];
}

/** A band of a yardstick on a scale of 0 to 100 %: where it starts, how wide, whether it is this one. */
export interface ScaleBand {
  left: number;
  width: number;
  current: boolean;
}

/** The "you are here" strip on an event slide: the whole timeline, this event marked. */
export interface TimelineStrip {
  /** `high` for an event of high importance, drawn larger. */
  dots: { x: number; color?: string; current: boolean; high?: true }[];
  marker: number;
  breaks: number[];
  /** Periods as tinted stretches behind the strip's line, in px along it. */
  periods: { left: number; width: number; color: string }[];
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
    | { kind: "changes"; items: ChangeLine[] }
    | {
        kind: "overview";
        plot: OverviewPlot;
        categories: Category[];
        /** "Times in KST", after the legend, when the brief shows every time in one zone. */
        timesNote?: string;
        /** Whether the row under the plot shows anything: categories, or one of the notes. */
        legend: boolean;
      }
    | { kind: "event"; event: EventView; strip: TimelineStrip }
    | { kind: "points"; items: InlineRun[][] }
    | { kind: "watch"; items: InlineRun[][] }
    | {
        kind: "actors";
        people: {
          name: string;
          role: InlineRun[];
          note?: InlineRun[];
          image?: string;
          alt?: string;
        }[];
      }
    | { kind: "quote"; text: InlineRun[]; attribution: string }
    | {
        kind: "image";
        src: string;
        /** The image's alt text: its `alt`, or else its caption as plain text. */
        alt: string;
        caption?: InlineRun[];
        credit?: InlineRun[];
      }
    | {
        kind: "judgments";
        items: {
          statement: InlineRun[];
          /** As written in the brief. */
          likelihood?: string;
          /** Its term and range on the yardstick, with the yardstick's bands: "Likely · 55–80 %". */
          likelihoodView?: { text: string; scale?: ScaleBand[] };
          confidence: string;
          confidenceLabel: string;
          /** "New" or "Changed" when built `--since` an earlier brief. */
          badge?: string;
        }[];
      }
    | {
        kind: "yardstick";
        /** "ICD 203 estimative language". */
        yardstickName: string;
        bands: { term: string; rangeText: string; scale: ScaleBand[] }[];
        confidenceHeading: string;
        confidence: { level: string; label: string; meaning: string }[];
        confidenceNote: string;
      }
    | {
        kind: "sources";
        sources: NumberedSource[];
        /** The scale's key, on every sources slide of a brief that grades any source. */
        gradeKey?: GradeKey;
      }
  );

/** Whose scheme a marking follows; it decides how its banner is drawn (see theme.css). */
export type MarkingFamily = "us" | "tlp" | "uk" | "national" | "other";

/** The level a marking names: each has its colours in the theme (`.banner--<level>`). */
export type ClassificationLevel =
  | "unclassified"
  | "cui"
  | "restricted"
  | "confidential"
  | "secret"
  | "top-secret"
  | "top-secret-sci"
  | "tlp-clear"
  | "tlp-green"
  | "tlp-amber"
  | "tlp-amber-strict"
  | "tlp-red"
  | "official"
  | "official-sensitive"
  | "uk-secret"
  | "uk-top-secret"
  | "other";

/** A classification banner: what it says, and what it is drawn with. */
export interface Marking {
  /** As written, a TLP label in its one spelling. */
  text: string;
  family: MarkingFamily;
  level: ClassificationLevel;
  /** The banner's classes: its family, its level and, when it holds a TLP label, `banner--tlp`. */
  classes: string;
  /** The project's own colours for it, from the config file, as a style attribute. */
  style?: string;
  /** Its colours as drawn: the project's own where it gave them, else its level's. */
  colours: { background: string; ink: string };
}

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
  /** The classification banner, present when there is a classification. */
  marking?: Marking;
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
  /** Each graded source's grade by its number, shown beside its citations: "[1 B2]". */
  grades: Record<number, string>;
  keywords: string[];
  slides: Slide[];
  /**
   * The slides as reveal.js arranges them: each overview page with its events' slides below it
   * in a vertical stack, every other slide on its own. Read in order, they are `slides`.
   */
  columns: { stacked: boolean; slides: Slide[] }[];
  total: number;
}
