import * as z from "zod";
import { type LabelOverrides, labelKeys } from "./labels.js";
import { en } from "./languages/en.js";

const text = z.string();

const pluralForms = z.strictObject({
  zero: text.optional(),
  one: text.optional(),
  two: text.optional(),
  few: text.optional(),
  many: text.optional(),
  other: text,
});

function example(key: (typeof labelKeys)[number]): string {
  const value = en[key];
  return typeof value === "string" ? value : value.other;
}

/**
 * `labels:` in a brief or the config file: any of the catalogue's words, in the brief's own
 * wording (and for a language the catalogue lacks). `{date}` and the like mark where values go.
 */
export const labelsSchema = z
  .strictObject(
    Object.fromEntries(
      labelKeys.map((key) => [
        key,
        (key === "events" || key === "unlabelled" ? z.union([text, pluralForms]) : text)
          .optional()
          .meta({ description: `in English: "${example(key)}"` }),
      ]),
    ),
  )
  .meta({
    description:
      "the tool's own words (Bottom line up front, As of {date}, …) in this brief's wording, over the catalogue's for its language",
  }) as unknown as z.ZodType<LabelOverrides>;
