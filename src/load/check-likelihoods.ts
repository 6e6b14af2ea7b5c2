import type { ProblemCode } from "../errors.js";
import { labelsFor } from "../labels/catalogue.js";
import type { LabelOverrides } from "../labels/labels.js";
import { didYouMean } from "./suggest.js";
import {
  bandOf,
  isYardstickName,
  spellingsOf,
  type YardstickName,
  yardstickNames,
  yardstickOf,
  yardsticks,
} from "./yardsticks.js";

type Path = (string | number)[];
type Report = (code: ProblemCode, path: Path, message: string) => void;

/**
 * Holds every judgment's `likelihood` to the brief's yardstick (its own `yardstick`, else the
 * project's, else ICD 203): one of the yardstick's spellings in any case, or its term in the
 * brief's language as the label catalogue (and the brief's `labels`) write it. A term of the
 * other yardstick is told apart, since the fix is then a `yardstick:` line, not a new word.
 */
export function checkLikelihoods(
  root: Record<string, unknown>,
  report: Report,
  fallback?: YardstickName,
): void {
  // A misspelt yardstick is the schema's to report; its judgments cannot be judged by it.
  if (root.yardstick !== undefined && !isYardstickName(root.yardstick)) return;
  const yardstick = yardstickOf(root.yardstick, fallback);
  const language = typeof root.language === "string" ? root.language : "en";
  const ownLabels = isDict(root.labels) ? (root.labels as LabelOverrides) : undefined;
  const terms = labelsFor(language, ownLabels);
  const ownTerms = yardstick.bands.map((band) => terms[band.label]).filter(isText);
  const candidates = [...spellingsOf(yardstick.name), ...ownTerms];
  const others = yardstickNames.filter((name) => name !== yardstick.name).map((n) => yardsticks[n]);

  list(root.sections).forEach((section, i) => {
    if (!isDict(section) || section.type !== "judgments") return;
    list(section.items).forEach((item, j) => {
      const likelihood = isDict(item) ? item.likelihood : undefined;
      if (typeof likelihood !== "string") return;
      if (bandOf(yardstick, likelihood, terms)) return;
      const at = ["sections", i, "items", j, "likelihood"];
      const hint = didYouMean(likelihood, candidates);
      const other = others.find((o) => bandOf(o, likelihood, terms));
      if (other) {
        report(
          "wrong-yardstick",
          at,
          `"${likelihood}" is a term of the ${other.title} yardstick, and this brief is written on ${yardstick.title}: set "yardstick: ${other.name}" or write one of ${yardstick.title}'s terms${hint}`,
        );
        return;
      }
      const english = yardstick.bands.map((band) => band.spellings[0]).join(", ");
      const own = ownTerms.join(", ");
      const named = own.toLowerCase() === english ? english : `${english}; or ${own}`;
      report(
        "bad-likelihood",
        at,
        `"${likelihood}" is not a term of ${yardstick.title} (${named})${hint}`,
      );
    });
  });
}

function isText(value: unknown): value is string {
  return typeof value === "string";
}

function isDict(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
