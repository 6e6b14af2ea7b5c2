import type { Labels } from "../labels/labels.js";
import { fillText } from "../labels/phrase.js";

/** The labels a slide's heading and sources line are written with. */
export type FrameLabels = Pick<Labels, "part" | "citedLine" | "cited">;

/** A continued slide's part as its heading shows it: "(2/3)", "（2/3）". */
export function partText(part: string, labels: FrameLabels): string {
  const [index = "", count = ""] = part.split("/");
  return fillText(labels.part, { index, count });
}

/**
 * A slide's sources line as it reads: "Sources: [1] [2]", "출처: [1] [2]"; a graded source's
 * citation with its grade, "[1 B2]".
 */
export function citedText(
  refs: readonly number[],
  labels: FrameLabels,
  grades?: ReadonlyMap<number, string>,
): string {
  const numbers = refs
    .map((n) => {
      const grade = grades?.get(n);
      return grade ? `[${n} ${grade}]` : `[${n}]`;
    })
    .join(" ");
  return fillText(labels.citedLine, { cited: labels.cited, refs: numbers });
}
