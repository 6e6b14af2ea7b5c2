import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBrief, validateBrief } from "../../src/load/load-brief.js";
import { tempDir } from "../helpers/temp.js";

const valid = `title: T
date: 2024-06-19
timeline:
  events:
    - date: 2024-06-18
      title: E
`;

/** Loads YAML text and returns its problem codes and how long it took. */
async function timed(text: string) {
  const start = performance.now();
  const loaded = await validateBrief("hazard.yaml", text);
  return { codes: loaded.problems.map((p) => p.code), ms: performance.now() - start, loaded };
}

describe("YAML hazards end in a clear error within a second", () => {
  it("an alias bomb", async () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(", ")}]`,
      ),
      valid,
    ].join("\n");
    const { codes, ms, loaded } = await timed(bomb);
    expect(codes).toContain("yaml-syntax");
    expect(loaded.problems[0]?.message).toMatch(/alias/i);
    expect(ms).toBeLessThan(1000);
  });

  it("a 50 MB file", async () => {
    const dir = await tempDir("huge");
    const file = path.join(dir, "huge.yaml");
    writeFileSync(file, `${valid}# ${"x".repeat(50 * 1024 * 1024)}\n`);
    const start = performance.now();
    const loaded = await loadBrief(file);
    expect(loaded.problems.map((p) => p.code)).toEqual(["yaml-syntax"]);
    expect(loaded.problems[0]?.message).toMatch(/too large/);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it("deep nesting, in brackets and in blocks", async () => {
    for (const text of [
      `title: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
      `title:\n${"- ".repeat(50_000)}x\n`,
    ]) {
      const { codes, ms } = await timed(text);
      expect(codes).toEqual(["yaml-syntax"]);
      expect(ms).toBeLessThan(1000);
    }
  });

  it("duplicate keys and unknown tags", async () => {
    expect((await timed(`${valid}title: again\n`)).codes).toContain("duplicate-key");
    expect(
      (await timed(`${valid}subtitle: !!js/function "function () { return 1 }"\n`)).codes,
    ).toContain("yaml-syntax");
    expect((await timed(`${valid}subtitle: !custom x\n`)).codes).toContain("yaml-syntax");
  });

  it("__proto__ and constructor keys pollute nothing", async () => {
    const text = `${valid}__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\nsources:\n  - id: s\n    title: S\n    __proto__: { polluted: yes }\n`;
    const { codes } = await timed(text);
    expect(codes).toContain("unknown-key");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});
