import { describe, expect, it } from "vitest";
import { loadBrief } from "../../src/load/load-brief.js";

const file = "test/fixtures/invalid/bad-periods.yaml";

describe("timeline.periods", () => {
  it("reports each mistake in a period at its line and column", async () => {
    const loaded = await loadBrief(file);
    expect(loaded.brief).toBeUndefined();
    expect(loaded.problems.map((p) => [p.code, p.pos.line, p.pos.col])).toEqual([
      ["bad-date", 5, 16],
      ["date-order", 6, 30],
      ["date-order", 7, 16],
      ["bad-date", 8, 30],
      ["bad-color", 8, 66],
      ["unknown-key", 13, 42],
    ]);
    for (const p of loaded.problems) expect(p.file).toBe(file);
  });

  it("says what is wrong in words", async () => {
    const { problems } = await loadBrief(file);
    const message = (line: number, code: string) =>
      problems.find((p) => p.pos.line === line && p.code === code)?.message;
    expect(message(6, "date-order")).toMatch(/ends \(2024-04\) before it starts \(2024-05\)/);
    expect(message(7, "date-order")).toMatch(/after the brief's date/);
    expect(message(8, "bad-color")).toMatch(/"blue" is not a colour/);
  });

  it("accepts the samples' periods, open and closed", async () => {
    for (const brief of [
      "briefings/putin-kim-summit-2024.yaml",
      "briefings/us-north-korea-summits-2018-2019.yaml",
    ]) {
      const loaded = await loadBrief(brief);
      expect(loaded.problems).toEqual([]);
      expect(loaded.brief?.timeline.periods?.length).toBeGreaterThan(0);
    }
  });
});
