import type { Problem } from "../errors.js";
import type { Brief } from "../load/schema.js";
import { catalogue, catalogueLanguage } from "./catalogue.js";
import { labelKeys } from "./labels.js";

/**
 * The one warning for a brief in a language the label catalogue lacks: its slides get English
 * words (dates are still written in its language). A brief whose `labels` give every word
 * needs no catalogue, and is not warned about.
 */
export function unknownLanguage(
  file: string,
  brief: Brief,
  positionOf: (path: readonly (string | number)[]) => Problem["pos"],
): Problem[] {
  const language = brief.language;
  if (language === undefined || catalogueLanguage(language) !== undefined) return [];
  const given = brief.labels ?? {};
  if (labelKeys.every((key) => given[key] !== undefined)) return [];
  const path = ["language"];
  return [
    {
      code: "unknown-language",
      message: `the tool's own words are not written in "${language}" yet, so its slides use English ones (the catalogue has ${Object.keys(catalogue).join(", ")}); \`labels:\` in the brief or the config file can give them`,
      file,
      pos: positionOf(path),
      path,
    },
  ];
}
