import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBrief } from "../../src/load/load-brief.js";

const fixture = (name: string) => path.join("test", "fixtures", "invalid", `${name}.yaml`);

// One fixture per kind of mistake: the code, line and column each must be exact.
const cases: [string, string, number, number, RegExp?][] = [
  ["unknown-key", "unknown-key", 3, 1],
  ["misspelled-key", "unknown-key", 6, 7, /did you mean "title"/],
  ["wrong-type", "wrong-type", 3, 10],
  ["bad-date", "bad-date", 5, 13],
  ["unknown-category", "unknown-category", 9, 17, /did you mean "treaty"/],
  ["unknown-source", "unknown-source", 7, 25],
  ["duplicate-key", "duplicate-key", 7, 7],
  ["yaml-syntax", "yaml-syntax", 6, 22],
  ["bad-enum", "bad-value", 6, 15, /did you mean "late"/],
  [
    "bad-importance",
    "bad-value",
    7,
    19,
    /is "hihg", not one of high, normal, low; did you mean "high"\?/,
  ],
  [
    "bad-location",
    "wrong-type",
    6,
    17,
    /"timeline\.events\[0\]\.location" must be text, not a list/,
  ],
  ["missing-key", "missing-key", 5, 7],
  ["date-order", "date-order", 6, 12],
  ["bad-url", "bad-url", 7, 15],
  ["outside-path", "bad-path", 7, 14],
  ["missing-image", "missing-file", 7, 14],
  ["bad-section-type", "bad-value", 8, 11, /did you mean "judgments"/],
  ["no-events", "empty-list", 4, 11],
  ["too-many-lanes", "bad-value", 4, 10, /use 8 lanes \(8 categories\).*at most 6/],
];

describe("validation errors", () => {
  for (const [name, code, line, col, message] of cases) {
    it(`${name}: ${code} at ${line}:${col}`, async () => {
      const loaded = await loadBrief(fixture(name));
      expect(loaded.brief).toBeUndefined();
      const found = loaded.problems.find((p) => p.code === code);
      expect(found, JSON.stringify(loaded.problems)).toBeDefined();
      expect(found?.pos).toEqual({ line, col });
      expect(found?.file).toBe(fixture(name));
      if (message) expect(found?.message).toMatch(message);
    });
  }

  it("reports every problem, in file order, not just the first", async () => {
    const loaded = await loadBrief(fixture("many-problems"));
    expect(loaded.problems.map((p) => [p.code, p.pos.line, p.pos.col])).toEqual([
      ["missing-key", 1, 1],
      ["unknown-key", 1, 1],
      ["bad-date", 2, 7],
      ["unknown-category", 7, 17],
      ["bad-value", 9, 15],
    ]);
  });

  it("accepts the sample brief", async () => {
    const loaded = await loadBrief("briefings/putin-kim-summit-2024.yaml");
    expect(loaded.problems).toEqual([]);
    expect(loaded.brief?.timeline.events.length).toBeGreaterThanOrEqual(8);
  });
});
