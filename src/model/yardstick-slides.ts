import type { Labels } from "../labels/labels.js";
import { fillText } from "../labels/phrase.js";
import { type Band, bandOf, type Yardstick } from "../load/yardsticks.js";
import type { BriefPath } from "../normalize/normal-brief.js";
import type { ScaleBand, SlideDraft } from "./deck.js";

/** A judgment's likelihood as its slide shows it: its term and range, and its band on a scale. */
export interface LikelihoodView {
  /** "Likely · 55–80 %", in the brief's language; the text as written when it is on no band. */
  text: string;
  /** The yardstick's bands, this one marked; absent for a likelihood on no band. */
  scale?: ScaleBand[];
}

/**
 * The likelihood of a judgment on the brief's yardstick. Validation holds a brief to its
 * yardstick; a brief that skipped it (a library caller's) shows its likelihood as written.
 */
export function likelihoodView(
  yardstick: Yardstick,
  written: string,
  labels: Labels,
): LikelihoodView {
  const band = bandOf(yardstick, written, labels);
  if (!band) return { text: written };
  return {
    text: fillText(labels.likelihoodRange, {
      term: labels[band.label],
      range: rangeText(band, labels),
    }),
    scale: scaleOf(yardstick, band),
  };
}

/** "55–80 %", as the brief's language writes a range of percents. */
export function rangeText(band: Band, labels: Labels): string {
  return fillText(labels.percentRange, { low: String(band.low), high: String(band.high) });
}

/** Every band of the yardstick on a scale of 0 to 100 %, with `current` marked. */
function scaleOf(yardstick: Yardstick, current?: Band): ScaleBand[] {
  return yardstick.bands.map((band) => ({
    left: band.low,
    width: band.high - band.low,
    current: band === current,
  }));
}

/**
 * The closing slide that explains the judgments in one glance: every band of the yardstick
 * with its range, and what each confidence level means. Confidence has a column of its own,
 * as ICD 203 keeps it apart from likelihood.
 */
export function yardstickSlide(yardstick: Yardstick, labels: Labels, from: BriefPath): SlideDraft {
  return {
    kind: "yardstick",
    id: "yardstick",
    title: labels.yardstickTitle,
    yardstickName: labels[yardstick.label],
    bands: yardstick.bands.map((band) => ({
      term: labels[band.label],
      rangeText: rangeText(band, labels),
      scale: scaleOf(yardstick, band),
    })),
    confidenceHeading: labels.confidenceHeading,
    confidence: (["low", "moderate", "high"] as const).map((level) => ({
      level,
      label: labels[confidenceLabel[level]],
      meaning: labels[confidenceMeaning[level]],
    })),
    confidenceNote: labels.confidenceNote,
    refs: [],
    from,
  };
}

const confidenceLabel = {
  low: "confidenceLow",
  moderate: "confidenceModerate",
  high: "confidenceHigh",
} as const;

const confidenceMeaning = {
  low: "confidenceLowMeaning",
  moderate: "confidenceModerateMeaning",
  high: "confidenceHighMeaning",
} as const;
