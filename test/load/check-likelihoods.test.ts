import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBrief, validateBrief } from "../../src/load/load-brief.js";

const fixture = (name: string) => path.join("test", "fixtures", "yardstick", `${name}.yaml`);

/** Each problem as [code, "line:col"], in file order. */
const found = (problems: { code: string; pos: { line: number; col: number } }[]) =>
  problems.map((p) => [p.code, `${p.pos.line}:${p.pos.col}`]);

describe("a judgment's likelihood on the brief's yardstick", () => {
  it("takes ICD 203's terms in any case by default, and refuses free text at its line and column", async () => {
    const loaded = await loadBrief(fixture("icd203-terms"));
    expect(found(loaded.problems)).toEqual([
      ["bad-likelihood", "15:21"],
      ["bad-likelihood", "18:21"],
      ["wrong-yardstick", "21:21"],
      ["bad-likelihood", "24:21"],
    ]);
    const [maybe, , highly, misspelt] = loaded.problems;
    expect(maybe?.message).toContain('"maybe" is not a term of ICD 203 (almost no chance,');
    expect(misspelt?.message).toMatch(/did you mean "very likely"\?$/);
    expect(highly?.message).toContain('"highly likely" is a term of the PHIA yardstick');
    expect(highly?.message).toContain('set "yardstick: phia"');
  });

  it("holds a brief with yardstick: phia to PHIA's terms, and names ICD 203 for one of its terms", async () => {
    const loaded = await loadBrief(fixture("phia-terms"));
    expect(found(loaded.problems)).toEqual([["wrong-yardstick", "16:21"]]);
    expect(loaded.problems[0]?.message).toContain(
      '"very likely" is a term of the ICD 203 yardstick',
    );
    expect(loaded.problems[0]?.message).toContain('set "yardstick: icd203"');
  });

  it("takes the project's yardstick for a brief that names none; the brief's own wins", async () => {
    const icd = fixture("icd203-terms");
    const onPhia = await validateBrief(icd, await readFile(icd, "utf8"), { yardstick: "phia" });
    // "LIKELY" and "highly likely" are PHIA's; "very likley" is no one's; "maybe" and
    // "roughly likely" still no term at all.
    expect(found(onPhia.problems)).toEqual([
      ["bad-likelihood", "15:21"],
      ["bad-likelihood", "18:21"],
      ["bad-likelihood", "24:21"],
    ]);
    const phia = fixture("phia-terms");
    const own = await validateBrief(phia, await readFile(phia, "utf8"), { yardstick: "icd203" });
    expect(found(own.problems)).toEqual([["wrong-yardstick", "16:21"]]);
  });

  it("refuses a misspelt yardstick with a did-you-mean, and judges no likelihood by it", async () => {
    const loaded = await loadBrief(fixture("misspelt-yardstick"));
    expect(found(loaded.problems)).toEqual([["bad-value", "3:12"]]);
    expect(loaded.problems[0]?.message).toMatch(/did you mean "icd203"\?$/);
  });

  it("takes the band's words in the brief's language, and suggests them", async () => {
    const loaded = await loadBrief(fixture("korean-terms"));
    expect(found(loaded.problems)).toEqual([["bad-likelihood", "19:21"]]);
    expect(loaded.problems[0]?.message).toContain("가능성 반반");
    expect(loaded.problems[0]?.message).toMatch(/did you mean "가능성 높음"\?$/);
  });
});
