import type { ClassificationLevel } from "./deck.js";

/** A banner's colours: its background and its text, as #rrggbb. */
export interface BannerColours {
  background: string;
  ink: string;
}

const slate: BannerColours = { background: "#434c5a", ink: "#ffffff" };

/**
 * Each level's banner colours, as templates/theme/theme.css gives them to `.banner--<level>`
 * (`--marking`, `--marking-ink`; test/model/marking-colours.test.ts holds the two together):
 * the US's banner colours, TLP 2.0's coloured capitals on black, and white on slate for the
 * UK's classifications, which prescribe no colour, and any other wording.
 */
export const markingColours: Record<ClassificationLevel, BannerColours> = {
  unclassified: { background: "#007a33", ink: "#ffffff" },
  cui: { background: "#502b85", ink: "#ffffff" },
  restricted: { background: "#502b85", ink: "#ffffff" },
  confidential: { background: "#0033a0", ink: "#ffffff" },
  secret: { background: "#c8102e", ink: "#ffffff" },
  "top-secret": { background: "#ff8c00", ink: "#000000" },
  "top-secret-sci": { background: "#fce83a", ink: "#000000" },
  "tlp-clear": { background: "#000000", ink: "#ffffff" },
  "tlp-green": { background: "#000000", ink: "#33ff00" },
  "tlp-amber": { background: "#000000", ink: "#ffc000" },
  "tlp-amber-strict": { background: "#000000", ink: "#ffc000" },
  "tlp-red": { background: "#000000", ink: "#ff2b2b" },
  official: slate,
  "official-sensitive": slate,
  "uk-secret": slate,
  "uk-top-secret": slate,
  other: slate,
};
