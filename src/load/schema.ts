import * as z from "zod";
import { labelsSchema } from "../labels/labels-schema.js";
import { gradeMistake, gradePattern } from "./grade.js";
import { markupFields } from "./markup-fields.js";
import { spellingsOf, yardstickNames } from "./yardsticks.js";

// The one definition of the brief format (v1). The validator runs it, the TypeScript types are
// inferred from it, and the JSON Schema for editors can be generated from it. Dates, ids and
// paths are checked for meaning in `check-meaning.ts`, which needs the whole brief.

const text = z.string();
const dateValue = z.union([z.string(), z.int()]).meta({
  description:
    "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], a time with an optional offset (+09:00, Z) or IANA time zone after a space (2025-03-03T02:14 Europe/Amsterdam)",
});
const sourceIds = z.array(z.string()).meta({ description: "ids from `sources`" });
const notes = z.string().meta({ description: "speaker notes" });
const alt = z.string().optional().meta({
  description:
    "the image described in words, for readers who cannot see it (screen readers, the tagged PDF); the caption stays apart",
});
const itemId = (what: string) =>
  z
    .string()
    .optional()
    .meta({
      description: `names this ${what} across versions of the brief, so that \`--since\` matches it even when its wording changes; unique`,
    });

const markupNote =
  'takes inline markup: **bold**, *italic*, [links](https://… "title"), nested; a backslash keeps a mark literal';

/**
 * The shape with each field of `keys` saying in its description that it takes inline markup:
 * the editors' help follows the one list of such fields.
 */
function withMarkup<S extends Record<string, z.ZodType>>(keys: readonly string[], shape: S): S {
  const described: Record<string, z.ZodType> = { ...shape };
  for (const key of keys) {
    const field = shape[key] as z.ZodType;
    const inner = (field instanceof z.ZodOptional ? field.unwrap() : field) as z.ZodType;
    const note = inner instanceof z.ZodArray ? `each item ${markupNote}` : markupNote;
    const before = field.description ?? inner.description;
    described[key] = field.meta({ description: before ? `${before}; ${note}` : note });
  }
  return described as S;
}

const common = withMarkup(markupFields.section, {
  notes: notes.optional(),
  sources: sourceIds.optional(),
});

export const approxValues = ["early", "mid", "late", "circa"] as const;
export const confidenceValues = ["low", "moderate", "high"] as const;
export const importanceValues = ["high", "normal", "low"] as const;

const event = z.strictObject(
  withMarkup(markupFields.event, {
    id: itemId("event"),
    date: dateValue,
    approx: z.enum(approxValues).optional(),
    end: dateValue.optional(),
    title: text,
    detail: text.optional(),
    category: z.string().optional(),
    location: text.optional().meta({
      description:
        "where it happened, a place name such as Pyongyang: shown with its date on its slide, in the handout and, when there is room, on the overview; plain text, no markup",
    }),
    importance: z.enum(importanceValues).optional().meta({
      description:
        "high: a larger dot and a label the overview always shows; low: a dot the overview may leave unlabelled when room runs out (the page says so and its notes list it; its slide, strip and the handout still show it); default normal",
    }),
    sources: sourceIds.optional(),
    notes: notes.optional(),
    image: z.string().optional().meta({ description: "relative to the brief, inside its folder" }),
    alt,
  }),
);

const category = z.strictObject({
  label: text,
  color: z.string().meta({ description: "a CSS hex colour such as #2b6cb0" }),
});

const period = z.strictObject({
  start: dateValue,
  end: dateValue.optional().meta({
    description: "the last date of the period; leave it out for one that runs to the as-of date",
  }),
  label: text.meta({ description: "shown under the plot, from the period's start" }),
  color: z
    .string()
    .optional()
    .meta({ description: "a CSS hex colour such as #2b6cb0, drawn as a light tint" }),
});

const timeline = z.strictObject({
  title: text.optional(),
  timezone: z.string().optional().meta({
    description:
      "an IANA time zone (UTC, Asia/Seoul, Europe/Amsterdam) in which every time is shown, its name said once on the overview; a time written without an offset or zone is read in it",
  }),
  categories: z.record(z.string(), category).optional(),
  lanes: z.enum(["category"]).optional().meta({
    description:
      "category: each category on a row of its own on the overview, named at its start, all sharing one axis; events without a category go to a last row",
  }),
  periods: z.array(period).optional().meta({
    description:
      "stretches of time drawn as soft bands behind the timeline, such as a leader's years in power; they may overlap",
  }),
  events: z.array(event).min(1),
});

const person = z.strictObject(
  withMarkup(markupFields.items.actors.people, {
    name: text,
    role: text,
    note: text.optional(),
    image: z.string().optional(),
    alt,
  }),
);

// Editors offer every spelling of both yardsticks, each set under its yardstick's name; any text
// passes here, in any case, and check-meaning.ts holds it to the brief's own yardstick, at its
// line, with a did-you-mean: an editor cannot see which yardstick the brief names.
const likelihood = z
  .union([
    z.enum(spellingsOf("icd203")).meta({ description: "ICD 203 (yardstick: icd203)" }),
    z.enum(spellingsOf("phia")).meta({ description: "PHIA (yardstick: phia)" }),
    text,
  ])
  .meta({
    description:
      "a term of the brief's yardstick, in any case: ICD 203's (almost no chance … almost certain) or PHIA's (remote chance … almost certain)",
  });

const judgment = z.strictObject(
  withMarkup(markupFields.items.judgments.items, {
    id: itemId("judgment"),
    statement: text,
    likelihood: likelihood.optional(),
    confidence: z.enum(confidenceValues),
  }),
);

const section = z.discriminatedUnion("type", [
  z.strictObject(
    withMarkup(markupFields.sections.points, {
      type: z.literal("points"),
      title: text,
      items: z.array(text).min(1),
      ...common,
    }),
  ),
  z.strictObject({
    type: z.literal("actors"),
    title: text,
    people: z.array(person).min(1),
    ...common,
  }),
  z.strictObject(
    withMarkup(markupFields.sections.quote, {
      type: z.literal("quote"),
      text,
      attribution: text,
      source: z.string().optional(),
      ...common,
    }),
  ),
  z.strictObject(
    withMarkup(markupFields.sections.image, {
      type: z.literal("image"),
      src: z.string(),
      alt,
      caption: text.optional(),
      credit: text.optional(),
      ...common,
    }),
  ),
  z.strictObject({
    type: z.literal("judgments"),
    title: text,
    items: z.array(judgment).min(1),
    ...common,
  }),
  z.strictObject(
    withMarkup(markupFields.sections.watch, {
      type: z.literal("watch"),
      title: text,
      items: z.array(text).min(1),
      ...common,
    }),
  ),
]);

const source = z.strictObject({
  id: z.string(),
  title: text,
  publisher: text.optional(),
  date: dateValue.optional(),
  url: z.string().optional(),
  accessed: dateValue
    .optional()
    .meta({ description: "the date the url was read, shown after it; needs `url`" }),
  grade: z
    .string()
    .regex(gradePattern, { error: (issue) => gradeMistake(String(issue.input)) })
    .optional()
    .meta({
      description:
        "Admiralty (NATO) grade: source reliability A (completely reliable) to F (cannot be judged), then credibility 1 (confirmed) to 6 (cannot be judged), such as B2",
    }),
});

/** The brief format, v1. */
export const briefSchema = z.strictObject(
  withMarkup(markupFields.brief, {
    title: text.meta({ description: "the title of the brief, on its first slide" }),
    subtitle: text.optional(),
    date: dateValue.meta({ description: "the brief's as-of date, in the footer of every slide" }),
    author: text.optional(),
    classification: text
      .optional()
      .meta({ description: "banner text at the top and bottom of every slide and PDF page" }),
    language: z.string().optional().meta({ description: "BCP 47 tag, e.g. en, ko, en-US" }),
    labels: labelsSchema.optional(),
    yardstick: z.enum(yardstickNames).optional().meta({
      description:
        "the scale judgments' likelihoods are written on: icd203 (ODNI's ICD 203, the default) or phia (the UK PHIA probability yardstick)",
    }),
    appendix: z.boolean().optional().meta({
      description:
        "a closing slide that explains the yardstick and the confidence levels, when the brief has judgments (default: true)",
    }),
    summary: z
      .array(text)
      .optional()
      .meta({ description: "bottom line up front: its own slide, right after the title" }),
    timeline: timeline.meta({ description: "the dated events: the spine of the deck" }),
    sections: z.array(section).optional().meta({
      description:
        "slides after the timeline, in this order: points, actors, quote, image, judgments, watch",
    }),
    sources: z
      .array(source)
      .optional()
      .meta({ description: "listed on a closing slide, numbered; cited by id" }),
  }),
);

/** A brief as written in YAML, once it has passed the schema. */
export type Brief = z.infer<typeof briefSchema>;
export type BriefEvent = z.infer<typeof event>;
export type BriefPeriod = z.infer<typeof period>;
export type BriefSection = z.infer<typeof section>;
export type BriefSource = z.infer<typeof source>;
