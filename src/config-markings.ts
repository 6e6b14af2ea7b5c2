import * as z from "zod";
import type { Problem } from "./errors.js";
import type { YamlSource } from "./load/read-yaml.js";
import { closest } from "./load/suggest.js";
import { levelNames, readMarking } from "./model/classification.js";
import { sameMarking } from "./model/marking.js";

const hexColour = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

const colour = (what: string) =>
  z
    .string()
    .optional()
    // The pattern is for editors; the check below says what is wrong in the tool's words.
    .meta({ description: `${what}: #rgb or #rrggbb`, pattern: hexColour.source });

const colours = z.strictObject({
  background: colour("the banner's colour"),
  color: colour("its text's colour (without it, black or white, whichever reads better)"),
});

const names = Object.values(levelNames);
const tlpNames = names.filter((name) => name.startsWith("TLP:"));

/**
 * `markings:` in the config file: the project's own colours for a marking as written, or for
 * every marking of a level by the level's name. The names are listed so that editors offer
 * them; any other marking may be given too.
 */
export const markingsSchema = z
  .object(
    Object.fromEntries(
      names.map((name) => [
        name,
        colours.optional().meta({ description: `every ${name} marking` }),
      ]),
    ),
  )
  .catchall(colours)
  .meta({
    description:
      "the project's own banner colours, by a marking as written (SECRET//NOFORN) or a level's name (SECRET, TLP:AMBER); they win over the built-in colours and the theme",
  });

/**
 * What the schema cannot say about `markings`: a level's name mistyped (a marking of the
 * project's own is matched as written, so a near miss would silently match nothing), a TLP
 * label that TLP 2.0 does not have, a colour that is none, an entry that sets nothing.
 */
export function checkMarkings(source: YamlSource): Problem[] {
  const markings = (source.data as { markings?: unknown } | null)?.markings;
  if (!isMapping(markings)) return [];
  const problem = (
    path: (string | number)[],
    code: Problem["code"],
    message: string,
    key?: "key",
  ) => ({
    code,
    message,
    file: source.file,
    pos: source.positionOf(path, key),
    path,
  });
  return Object.entries(markings).flatMap(([key, value]): Problem[] => {
    const at = ["markings", key];
    const keyProblem = unknownMarking(key);
    if (keyProblem) return [problem(at, "unknown-key", keyProblem, "key")];
    if (!isMapping(value)) return [];
    const set = (["background", "color"] as const).filter((k) => value[k] !== undefined);
    if (set.length === 0) {
      return [problem(at, "missing-key", `"markings.${key}" needs "background" or "color"`)];
    }
    return set.flatMap((k) => {
      const given = value[k];
      if (typeof given !== "string" || hexColour.test(given)) return [];
      return [
        problem([...at, k], "bad-color", `"${given}" is not a colour: write it as #rgb or #rrggbb`),
      ];
    });
  });
}

/** Why `key` cannot be meant as written, if it cannot. */
function unknownMarking(key: string): string | undefined {
  const written = sameMarking(key);
  const read = readMarking(key);
  if (read.level !== "other") return undefined;
  if (/^TLP\b/u.test(written)) {
    const near = closest(written, tlpNames);
    return `"${key}" is not a TLP 2.0 label (${tlpNames.join(", ")})${near ? `; did you mean "${near}"?` : ""}`;
  }
  const near = closest(written, names);
  // Only a near miss of the same length is a typo; a longer wording is a marking of its own.
  if (near && Math.abs(near.length - written.length) <= 2) {
    return `"${key}" is no level's name; did you mean "${near}"? (a marking of your own is matched as written)`;
  }
  return undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
