import type { markupFields } from "../load/markup-fields.js";
import type { Brief, BriefEvent, BriefPeriod, BriefSection, BriefSource } from "../load/schema.js";
import type { Marked } from "../markup/inline.js";
import type { PartialDate } from "../timeline/date.js";

// The types below are the schema's, with each date read as a PartialDate and each field that
// takes markup (the list in markup-fields.ts) read as runs: a field added to the schema
// appears here as it is, and one added to the markup list turns into runs here too.

/** A path of keys and indexes into the brief's YAML, e.g. ["sections", 2]. */
export type BriefPath = (string | number)[];

/** Where an item of the brief is written, so messages about what it becomes can point there. */
interface Located {
  path: BriefPath;
}

/** `T` with the fields `K` read as dates. */
type Dated<T, K extends PropertyKey> = { [P in keyof T]: P extends K ? PartialDate : T[P] };

type Fields = typeof markupFields;
type SectionType = BriefSection["type"];
type SectionOf<T extends SectionType> = Extract<BriefSection, { type: T }>;
type SectionMarkup<T extends SectionType> =
  | Fields["section"][number]
  | (T extends keyof Fields["sections"] ? Fields["sections"][T][number] : never);
/** The lists of a section whose items have fields of their own that take markup. */
type MarkedLists<T extends SectionType> = T extends keyof Fields["items"]
  ? {
      [L in keyof Fields["items"][T]]: Marked<
        SectionOf<T>[L & keyof SectionOf<T>] extends readonly (infer Item)[] ? Item : never,
        Fields["items"][T][L] extends readonly (infer K extends PropertyKey)[] ? K : never
      >[];
    }
  : unknown;

/** An event with its dates read (its `approx` stays beside the date) and its markup parsed. */
export type NormalEvent = Marked<Dated<BriefEvent, "date" | "end">, Fields["event"][number]> &
  Located;

/** A period of the timeline with its dates read. */
export type NormalPeriod = Dated<BriefPeriod, "start" | "end"> & Located;

/** A section with its markup parsed, that of the items in its lists too. */
export type NormalSection = {
  [T in SectionType]: Omit<Marked<SectionOf<T>, SectionMarkup<T>>, keyof MarkedLists<T>> &
    MarkedLists<T> &
    Located;
}[SectionType];

/** A source with its dates read. */
export type NormalSource = Dated<BriefSource, "date" | "accessed"> & Located;

/**
 * A valid brief as the stages after validation read it: the as-of date and every event's,
 * span's and source's date parsed, every field that takes markup parsed into runs (with only
 * the links a page may follow), and each event, section and source knowing where it is
 * written. Made once, by `normalizeBrief`; nothing after it parses a date or markup again.
 */
export type NormalBrief = Marked<
  Dated<Omit<Brief, "timeline" | "sections" | "sources">, "date">,
  Fields["brief"][number]
> & {
  timeline: Omit<Brief["timeline"], "events" | "periods"> & {
    events: NormalEvent[];
    periods?: NormalPeriod[];
  };
  sections?: NormalSection[];
  sources?: NormalSource[];
  /** The brief as written, for messages that quote it and for finding where a text comes from. */
  written: Brief;
};
