import { describe, expect, it } from "vitest";
import { gradeMistake, gradePattern, readGrade } from "../../src/load/grade.js";
import { validateBrief } from "../../src/load/load-brief.js";

/** A brief whose one source has the given lines (each indented under `- id: s`). */
const brief = (...lines: string[]) =>
  [
    "title: T",
    "date: 2024-06-19",
    "timeline:",
    "  events:",
    "    - { date: 2024-06-19, title: E, sources: [s] }",
    "sources:",
    "  - id: s",
    "    title: A source",
    ...lines.map((line) => `    ${line}`),
    "",
  ].join("\n");

const problems = async (...lines: string[]) =>
  (await validateBrief("brief.yaml", brief(...lines))).problems.map((p) => ({
    code: p.code,
    at: `${p.pos.line}:${p.pos.col}`,
    message: p.message,
  }));

describe("a source's grade", () => {
  it("is a reliability letter A–F then a credibility digit 1–6, in either case", async () => {
    for (const grade of ["A1", "B2", "F6", "b2", "c3"]) {
      expect(await problems(`grade: ${grade}`), grade).toEqual([]);
    }
    expect(readGrade("b2")).toEqual({ reliability: "B", credibility: "2" });
  });

  it("refuses a letter past F at its line and column, saying which half is wrong", async () => {
    const [problem, ...rest] = await problems("grade: G7");
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: "bad-value", at: "9:12" });
    expect(problem?.message).toMatch(/"G" is not a reliability letter \(A to F\)/);
    expect(problem?.message).toMatch(/"7" is not a credibility digit \(1 to 6\)/);
    expect(problem?.message).toMatch(/such as "B2"/);
  });

  it("refuses a space between the letter and the digit, with the grade as it should be", async () => {
    const [problem] = await problems("grade: B 2");
    expect(problem).toMatchObject({ code: "bad-value", at: "9:12" });
    expect(problem?.message).toMatch(/write the letter and the digit together, as "B2"/);
    expect(gradeMistake("b-2")).toMatch(/as "B2"/);
  });

  it("refuses a grade of more than two characters, or none", async () => {
    expect((await problems("grade: B22"))[0]).toMatchObject({ code: "bad-value", at: "9:12" });
    expect(gradeMistake("B22")).toMatch(/a grade is two characters/);
    expect(gradeMistake("")).toMatch(/the grade is empty/);
    expect(gradeMistake("2b")).toMatch(/the reliability letter comes first, as "B2"/);
    expect((await problems("grade: 2"))[0]).toMatchObject({ code: "wrong-type", at: "9:12" });
  });

  it("has one pattern, which the JSON Schema carries for editors", () => {
    expect(gradePattern.test("B2")).toBe(true);
    expect(gradePattern.test("B 2")).toBe(false);
  });
});

describe("a source's access date", () => {
  it("is a date, checked as the other dates are", async () => {
    expect(await problems("url: https://example.com/", "accessed: 2024-06-03")).toEqual([]);
    const [problem] = await problems("url: https://example.com/", "accessed: 2024-02-30");
    expect(problem).toMatchObject({ code: "bad-date", at: "10:15" });
  });

  it("needs the url it dates: without one it is an error at the access date", async () => {
    const [problem, ...rest] = await problems("accessed: 2024-06-03");
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: "missing-key", at: "9:15" });
    expect(problem?.message).toMatch(/has "accessed" but no "url"/);
  });
});
