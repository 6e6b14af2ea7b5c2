import type { Labels } from "../labels/labels.js";
import { fill } from "../labels/phrase.js";
import { credibilityDigits, readGrade, reliabilityLetters } from "../load/grade.js";
import type { GradeKey, LinkPiece } from "./deck.js";

type GradeLabels = Pick<
  Labels,
  | "reliability"
  | "credibility"
  | `reliability${(typeof reliabilityLetters)[number]}`
  | `credibility${(typeof credibilityDigits)[number]}`
>;

/** The key of the Admiralty scale, in the brief's words: "Reliability A completely reliable …". */
export function gradeKey(labels: GradeLabels): GradeKey {
  return {
    reliability: {
      name: labels.reliability,
      grades: reliabilityLetters.map((code) => ({ code, words: labels[`reliability${code}`] })),
    },
    credibility: {
      name: labels.credibility,
      grades: credibilityDigits.map((code) => ({ code, words: labels[`credibility${code}`] })),
    },
  };
}

/** A valid grade as shown, in capitals, and in words: "B usually reliable, 2 probably true". */
export function gradeView(
  grade: string,
  labels: GradeLabels,
): { grade: string; gradeWords: string } {
  const { reliability, credibility } = readGrade(grade);
  return {
    grade: `${reliability}${credibility}`,
    gradeWords: `${reliability} ${labels[`reliability${reliability}`]}, ${credibility} ${labels[`credibility${credibility}`]}`,
  };
}

/** A source's URL as its line ends: alone, or with the date it was read (the `accessed` label). */
export function linkPieces(
  url: string,
  accessedText: string | undefined,
  labels: Pick<Labels, "accessed">,
): LinkPiece[] {
  if (accessedText === undefined) return [{ text: url, url: true }];
  return fill(labels.accessed, { url, date: accessedText }).map((piece) =>
    piece.slot === "url"
      ? { text: piece.text, url: true }
      : piece.slot === "date"
        ? { text: piece.text, date: true }
        : { text: piece.text },
  );
}
