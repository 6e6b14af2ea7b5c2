/** Words for a count, by the plural category `Intl.PluralRules` gives it ("one", "few", …). */
export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * Every word the tool itself writes on a slide, a page or the preview's index, in one
 * language. `{name}` marks where a value goes: a date, a duration, a title, a number.
 */
export interface Labels {
  /** Over the title on the first slide (set in capitals by the theme). */
  kicker: string;
  /** The title of the summary slide. */
  summary: string;
  /** The timeline's title when the brief gives none. */
  timeline: string;
  /** The title of the sources slide and of the handout's sources. */
  sources: string;
  /** Before a slide's citation numbers: "Sources: [1] [2]". */
  cited: string;
  /** The as-of date, in the footer and on the title slide: "As of {date}". */
  asOf: string;
  /** A list continued over several slides: "({index}/{count})". */
  part: string;
  confidenceLow: string;
  confidenceModerate: string;
  confidenceHigh: string;
  /** On an event's slide: "{duration} after: {title} ({date})", the previous event of its category. */
  previousEvent: string;
  /** The bookmark of an image slide without a caption. */
  image: string;
  /** The bookmark of a quote without an attribution. */
  quote: string;
  /** The handout's header: "Handout · As of …". */
  handout: string;
  /** Between two things on one line: the handout's header, the cover's author and date. */
  separator: string;
  contents: string;
  /** The handout's heading over a slide's speaker notes. */
  notes: string;
  /** Over the ruled space the handout leaves for the reader. */
  yourNotes: string;
  /** The handout's page number: "Page {page} of {total}". */
  pageOf: string;
  /** The number of events on the preview's card: "{count} events". */
  events: PluralText | string;
  /** The preview's link that opens the deck. */
  present: string;
  /** The preview's link to the one-file deck. */
  singleFile: string;
  /** Rough dates: "early {date}" for a month, and for a year. */
  earlyMonth: string;
  midMonth: string;
  lateMonth: string;
  earlyYear: string;
  midYear: string;
  lateYear: string;
  circa: string;
  /** A date with its time: "{date}, {time}". */
  dateTime: string;
  /** A span whose ends are written whole: "{start} – {end}". */
  span: string;
  /**
   * A source as the sources slide and the handout list it: "{title}[. {publisher}][, {date}].".
   * A part in square brackets is left out with its placeholder when the source has no such value.
   */
  source: string;
  /** A slide's sources line: the `cited` words, then the numbers: "{cited} {refs}". */
  citedLine: string;
  /** Before each event's speaker notes on the overview: "{date}, {title}: ". */
  overviewNote: string;
  /** A judgment's likelihood: "{term} · {range}", as "Likely · 55–80 %". */
  likelihoodRange: string;
  /** A band of a yardstick in percent: "{low}–{high} %". */
  percentRange: string;
  /** The bands of ICD 203's estimative language, from the least likely. */
  icd203AlmostNoChance: string;
  icd203VeryUnlikely: string;
  icd203Unlikely: string;
  icd203RoughlyEven: string;
  icd203Likely: string;
  icd203VeryLikely: string;
  icd203AlmostCertain: string;
  /** The bands of the PHIA probability yardstick, from the least likely. */
  phiaRemoteChance: string;
  phiaHighlyUnlikely: string;
  phiaUnlikely: string;
  phiaRealisticPossibility: string;
  phiaLikely: string;
  phiaHighlyLikely: string;
  phiaAlmostCertain: string;
  /** The closing slide that explains the yardstick and the confidence levels. */
  yardstickTitle: string;
  icd203Name: string;
  phiaName: string;
  /** Over the confidence levels on the closing slide. */
  confidenceHeading: string;
  /** What each confidence level means (after ICD 203 and ODNI's usage). */
  confidenceLowMeaning: string;
  confidenceModerateMeaning: string;
  confidenceHighMeaning: string;
  /** That confidence rates the evidence, not the event's likelihood. */
  confidenceNote: string;
  /** The Admiralty (NATO) grading scale's key under the sources: its first half's name. */
  reliability: string;
  /** The source reliability grades A to F, after their letter in the key: "A completely reliable". */
  reliabilityA: string;
  reliabilityB: string;
  reliabilityC: string;
  reliabilityD: string;
  reliabilityE: string;
  reliabilityF: string;
  /** The key's second half: the credibility of the information, 1 to 6. */
  credibility: string;
  credibility1: string;
  credibility2: string;
  credibility3: string;
  credibility4: string;
  credibility5: string;
  credibility6: string;
  /** A source's URL with the date it was read: "{url}, accessed {date}". */
  accessed: string;
  /** The title of the slide after the summary when built `--since` an earlier brief. */
  sinceTitle: string;
  /** The tags of that slide's lines: what kind of change each is. */
  sinceNewEvent: string;
  sinceMovedJudgment: string;
  sinceNewJudgment: string;
  sinceDroppedJudgment: string;
  sinceNewSource: string;
  /** Said on that slide when no judgment moved, was added or dropped, as a SITREP says NO CHANGE. */
  sinceNoChange: string;
  /** A moved judgment's earlier assessment: "was: {value}". */
  sinceWas: string;
  /** The earlier assessment of a judgment that gave no likelihood. */
  sinceNoLikelihood: string;
  /** The quiet badges on the overview and the slides: an event or judgment new, one changed. */
  badgeNew: string;
  badgeChanged: string;
  /** Under an overview that left low events' labels out: "+{count} events without labels, listed in the notes". */
  unlabelled: PluralText | string;
  /** Before the list, in the overview's notes, of the events it shows without labels. */
  unlabelledNote: string;
  /** The overview's note of the one zone every time is shown in (`timeline.timezone`): "Times in {zone}". */
  timesIn: string;
}

export type LabelKey = keyof Labels;

/** The keys of a label catalogue, in the order the JSON Schema lists them. */
export const labelKeys = [
  "kicker",
  "summary",
  "timeline",
  "sources",
  "cited",
  "asOf",
  "part",
  "confidenceLow",
  "confidenceModerate",
  "confidenceHigh",
  "previousEvent",
  "image",
  "quote",
  "handout",
  "separator",
  "contents",
  "notes",
  "yourNotes",
  "pageOf",
  "events",
  "present",
  "singleFile",
  "earlyMonth",
  "midMonth",
  "lateMonth",
  "earlyYear",
  "midYear",
  "lateYear",
  "circa",
  "dateTime",
  "span",
  "source",
  "citedLine",
  "overviewNote",
  "likelihoodRange",
  "percentRange",
  "icd203AlmostNoChance",
  "icd203VeryUnlikely",
  "icd203Unlikely",
  "icd203RoughlyEven",
  "icd203Likely",
  "icd203VeryLikely",
  "icd203AlmostCertain",
  "phiaRemoteChance",
  "phiaHighlyUnlikely",
  "phiaUnlikely",
  "phiaRealisticPossibility",
  "phiaLikely",
  "phiaHighlyLikely",
  "phiaAlmostCertain",
  "yardstickTitle",
  "icd203Name",
  "phiaName",
  "confidenceHeading",
  "confidenceLowMeaning",
  "confidenceModerateMeaning",
  "confidenceHighMeaning",
  "confidenceNote",
  "reliability",
  "reliabilityA",
  "reliabilityB",
  "reliabilityC",
  "reliabilityD",
  "reliabilityE",
  "reliabilityF",
  "credibility",
  "credibility1",
  "credibility2",
  "credibility3",
  "credibility4",
  "credibility5",
  "credibility6",
  "accessed",
  "sinceTitle",
  "sinceNewEvent",
  "sinceMovedJudgment",
  "sinceNewJudgment",
  "sinceDroppedJudgment",
  "sinceNewSource",
  "sinceNoChange",
  "sinceWas",
  "sinceNoLikelihood",
  "badgeNew",
  "badgeChanged",
  "unlabelled",
  "unlabelledNote",
  "timesIn",
] as const satisfies readonly LabelKey[];

// Fails to compile when a key of Labels is missing from the list above.
type Missing = Exclude<LabelKey, (typeof labelKeys)[number]>;
const complete: Missing extends never ? true : Missing = true;
void complete;

/** Labels a brief or the config file sets, over the catalogue's. */
export type LabelOverrides = Partial<Labels>;
