// A source's grade on the Admiralty (NATO) system, as STANAG 2511 and AJP-2.1 define it: the
// reliability of the source, A to F, then the credibility of what it said, 1 to 6: "B2".

/**
 * A grade as the format takes it. Lower case is taken too ("b2"): the code means the same
 * either way and is shown in capitals, so refusing it would only make an author retype it.
 */
export const gradePattern = /^[A-Fa-f][1-6]$/;

export const reliabilityLetters = ["A", "B", "C", "D", "E", "F"] as const;
export const credibilityDigits = ["1", "2", "3", "4", "5", "6"] as const;

export type Reliability = (typeof reliabilityLetters)[number];
export type Credibility = (typeof credibilityDigits)[number];

/** A valid grade read into its two halves, in capitals. */
export function readGrade(grade: string): { reliability: Reliability; credibility: Credibility } {
  return {
    reliability: grade.charAt(0).toUpperCase() as Reliability,
    credibility: grade.charAt(1) as Credibility,
  };
}

/** What is wrong with a value written as a grade, in words an author can act on. */
export function gradeMistake(value: string): string {
  const written = JSON.stringify(value);
  const squeezed = value.replace(/[\s\-/.:]+/g, "");
  if (squeezed !== value && gradePattern.test(squeezed)) {
    return `${written} is not a grade as written: write the letter and the digit together, as "${squeezed.toUpperCase()}"`;
  }
  const reversed = [...squeezed].reverse().join("");
  if (gradePattern.test(reversed)) {
    return `${written} is not a grade as written: the reliability letter comes first, as "${reversed.toUpperCase()}"`;
  }
  if (squeezed === "") {
    return `the grade is empty: write a letter A–F (reliability) then a digit 1–6 (credibility), such as "B2"`;
  }
  const [letter = "", digit = ""] = [...squeezed];
  const reasons: string[] = [];
  if (!/^[A-Fa-f]$/.test(letter)) {
    reasons.push(`${JSON.stringify(letter)} is not a reliability letter (A to F)`);
  }
  if (!/^[1-6]$/.test(digit)) {
    reasons.push(
      digit
        ? `${JSON.stringify(digit)} is not a credibility digit (1 to 6)`
        : "it has no credibility digit (1 to 6)",
    );
  }
  if (squeezed.length > 2 || reasons.length === 0) reasons.push("a grade is two characters");
  return `${written} is not an Admiralty grade: ${reasons.join(", and ")}; write it as a letter A–F (reliability) then a digit 1–6 (credibility), such as "B2"`;
}
