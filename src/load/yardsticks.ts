import type { LabelKey, Labels } from "../labels/labels.js";

/** A label that is one text (not plural forms): a band's term, a yardstick's name. */
type TextLabel = { [K in LabelKey]: Labels[K] extends string ? K : never }[LabelKey];

// The two published scales of estimative language a judgment's `likelihood` is written on.
// ICD 203 (ODNI, Analytic Standards, 2 January 2015, section D.6.b.(2)(a)): seven bands that
// touch, each with a "likelihood" term and a "probability" term of the same meaning. The UK's
// PHIA probability yardstick (Professional Head of Intelligence Assessment, "Explaining
// Uncertainty in UK Intelligence Assessment", 2025): seven bands with gaps between them on
// purpose, so that no judgment reads as more precise than it is.

/** The yardsticks a brief can name in `yardstick:`. */
export const yardstickNames = ["icd203", "phia"] as const;
export type YardstickName = (typeof yardstickNames)[number];

/** One band of a yardstick: its spellings (lower case), its range in percent, its label. */
export interface Band {
  spellings: readonly string[];
  low: number;
  high: number;
  label: TextLabel;
}

export interface Yardstick {
  name: YardstickName;
  /** How messages call it. */
  title: string;
  /** The label of its name on the closing slide. */
  label: TextLabel;
  bands: readonly Band[];
}

export const yardsticks: Readonly<Record<YardstickName, Yardstick>> = {
  icd203: {
    name: "icd203",
    title: "ICD 203",
    label: "icd203Name",
    bands: [
      { spellings: ["almost no chance", "remote"], low: 1, high: 5, label: "icd203AlmostNoChance" },
      {
        spellings: ["very unlikely", "highly improbable"],
        low: 5,
        high: 20,
        label: "icd203VeryUnlikely",
      },
      {
        spellings: ["unlikely", "improbable", "improbably"],
        low: 20,
        high: 45,
        label: "icd203Unlikely",
      },
      {
        spellings: ["roughly even chance", "roughly even odds"],
        low: 45,
        high: 55,
        label: "icd203RoughlyEven",
      },
      { spellings: ["likely", "probable", "probably"], low: 55, high: 80, label: "icd203Likely" },
      {
        spellings: ["very likely", "highly probable"],
        low: 80,
        high: 95,
        label: "icd203VeryLikely",
      },
      {
        spellings: ["almost certain", "almost certainly", "nearly certain"],
        low: 95,
        high: 99,
        label: "icd203AlmostCertain",
      },
    ],
  },
  phia: {
    name: "phia",
    title: "PHIA",
    label: "phiaName",
    bands: [
      { spellings: ["remote chance"], low: 0, high: 5, label: "phiaRemoteChance" },
      { spellings: ["highly unlikely"], low: 10, high: 20, label: "phiaHighlyUnlikely" },
      { spellings: ["unlikely"], low: 25, high: 35, label: "phiaUnlikely" },
      {
        spellings: ["realistic possibility"],
        low: 40,
        high: 50,
        label: "phiaRealisticPossibility",
      },
      {
        spellings: ["likely", "probably", "likely or probably", "probable"],
        low: 55,
        high: 75,
        label: "phiaLikely",
      },
      { spellings: ["highly likely"], low: 80, high: 90, label: "phiaHighlyLikely" },
      { spellings: ["almost certain"], low: 95, high: 100, label: "phiaAlmostCertain" },
    ],
  },
};

/** Every spelling of a yardstick, in the order of its bands: what editors offer. */
export function spellingsOf(name: YardstickName): string[] {
  return yardsticks[name].bands.flatMap((band) => band.spellings);
}

/** The yardstick a brief is written on: its own, else the project's, else ICD 203. */
export function yardstickOf(written: unknown, fallback?: YardstickName): Yardstick {
  const name = isYardstickName(written) ? written : (fallback ?? "icd203");
  return yardsticks[name];
}

export function isYardstickName(value: unknown): value is YardstickName {
  return typeof value === "string" && (yardstickNames as readonly string[]).includes(value);
}

/**
 * The band a likelihood names on the yardstick: by any spelling of the band, in any case, or
 * by `ownTerms`, the band's words in the brief's language (the label catalogue's).
 */
export function bandOf(
  yardstick: Yardstick,
  likelihood: string,
  ownTerms: Readonly<Partial<Record<LabelKey, unknown>>> = {},
): Band | undefined {
  const wanted = normal(likelihood);
  return yardstick.bands.find(
    (band) =>
      band.spellings.includes(wanted) ||
      (typeof ownTerms[band.label] === "string" &&
        normal(ownTerms[band.label] as string) === wanted),
  );
}

/** Case and spacing as people vary them: "Roughly  even Chance" is "roughly even chance". */
function normal(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase();
}
