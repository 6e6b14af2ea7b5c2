import type { Position, Problem } from "../errors.js";
import type { BriefPath } from "../normalize/normal-brief.js";
import type { Ambiguity } from "./changes.js";

/** Where a brief is and how to find a line in it, for messages that point into it. */
export interface WrittenBrief {
  file: string;
  positionOf(path: BriefPath): Position;
}

/**
 * A warning for each item that matched the earlier brief by wording with a rival, at the item
 * in this brief, naming the lines of the earlier one it could be. Ids settle it.
 */
export function ambiguityWarnings(
  ambiguous: readonly Ambiguity[],
  now: WrittenBrief,
  earlier: WrittenBrief,
): Problem[] {
  const oldLine = (path: BriefPath) => earlier.positionOf(path).line;
  const nowLine = (path: BriefPath) => now.positionOf(path).line;
  return ambiguous.map(({ what, path, candidates, rivals, matched }) => {
    const by = what === "event" ? "its date and title" : "its statement";
    const found =
      candidates.length > 1
        ? `this ${what} matches ${candidates.length} ${what}s of ${earlier.file} by ${by} (${lines(candidates.map(oldLine))})`
        : `this ${what} and the one at ${lines(rivals.map(nowLine))} match the same ${what} of ${earlier.file} by ${by} (${lines(candidates.map(oldLine))})`;
    const taken = matched ? `taken as the one at line ${oldLine(matched)}` : "taken as new";
    return {
      code: "ambiguous-match",
      message: `${found}; ${taken}: give them ids to say which is which`,
      file: now.file,
      pos: now.positionOf(path),
      path,
    };
  });
}

function lines(numbers: number[]): string {
  return `${numbers.length > 1 ? "lines" : "line"} ${numbers.join(", ")}`;
}
