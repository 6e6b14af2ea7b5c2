import type { InlineRun } from "../markup/inline.js";
import type { BriefPath } from "../normalize/normal-brief.js";
import type { PartialDate } from "../timeline/date.js";

/** A judgment's assessment: what can move between two versions of a brief. */
export interface Assessment {
  likelihood?: string;
  confidence: "low" | "moderate" | "high";
}

/** A judgment of the earlier brief that this one no longer makes. */
export interface DroppedJudgment extends Assessment {
  statement: InlineRun[];
  /** Where it was written in the earlier brief. */
  path: BriefPath;
}

/**
 * Two or more items that match by their wording (date and title, or statement) rather than by
 * an id, so that which is which is a guess: taken in the order they are written.
 */
export interface Ambiguity {
  what: "event" | "judgment";
  /** The item of this brief that the warning is about. */
  path: BriefPath;
  /** The items of the earlier brief it could be. */
  candidates: BriefPath[];
  /** The other items of this brief that could be the same earlier one. */
  rivals: BriefPath[];
  /** The earlier item it was taken as. */
  matched?: BriefPath;
}

/**
 * What changed between an earlier version of a brief and this one, each item by its path in
 * this brief (or, for what was dropped, in the earlier one).
 */
export interface BriefChanges {
  /** The earlier brief's as-of date. */
  since: PartialDate;
  newEvents: BriefPath[];
  /** Judgments whose likelihood or confidence moved, with what they were. */
  movedJudgments: { path: BriefPath; was: Assessment }[];
  newJudgments: BriefPath[];
  droppedJudgments: DroppedJudgment[];
  newSources: BriefPath[];
  ambiguous: Ambiguity[];
}
