import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { check } from "../../src/check.js";
import { scriptOf } from "../../src/inspect/layout-problems.js";

const fixtures = "test/fixtures/layout";

/** True when some installed font covers the character (fontconfig's view). */
function fontFor(char: string): boolean {
  const hex = (char.codePointAt(0) as number).toString(16);
  return execFileSync("fc-list", [`:charset=${hex}`, "family"], { encoding: "utf8" }).trim() !== "";
}

describe("checking slides in the real browser", async () => {
  const { results } = await check(
    ["overflow", "no-font", "broken-image"].map((f) => `${fixtures}/${f}.yaml`),
    { layout: true, requireBrowser: true },
  );
  const [overflow, noFont, brokenImage] = results.map((r) => r.warnings);

  it("reports a slide whose content overflows, by its title and the line it comes from", () => {
    expect(overflow?.map((w) => w.code)).toEqual(["overflow"]);
    expect(overflow?.[0]?.message).toContain('"Far too much to say"');
    expect(overflow?.[0]?.pos).toEqual({ line: 11, col: 5 });
    expect(overflow?.[0]?.path).toEqual(["sections", 1]);
  });

  it.skipIf(fontFor("ሰ") || fontFor("ཀ"))(
    "reports text in a script no installed font draws, and not the scripts that have one",
    () => {
      expect(noFont?.map((w) => w.code)).toEqual(["missing-font", "missing-font"]);
      const text = noFont?.map((w) => w.message).join("\n");
      expect(text).toContain("Ethiopic");
      expect(text).toContain("Tibetan");
      expect(text).toContain('"Names in Ethiopic and Tibetan"');
      // Cyrillic (Source Sans 3) and Hangul (Noto Sans CJK) on the same slide are drawn.
      expect(text).not.toMatch(/Cyrillic|Hangul/);
    },
  );

  it("reports an image that does not load", () => {
    expect(brokenImage?.map((w) => w.code)).toEqual(["image-not-loaded"]);
    expect(brokenImage?.[0]?.message).toContain('"photos/broken.png"');
  });

  it("finds nothing wrong with the sample brief", async () => {
    const sample = await check(["briefings/putin-kim-summit-2024.yaml"], {
      layout: true,
      requireBrowser: true,
    });
    expect(sample.results[0]?.problems).toEqual([]);
    expect(sample.results[0]?.warnings).toEqual([]);
  });
});

describe("naming scripts", () => {
  it("names common scripts and falls back to the code point", () => {
    expect(scriptOf("ሰ")).toBe("Ethiopic");
    expect(scriptOf("ཀ")).toBe("Tibetan");
    expect(scriptOf("김")).toBe("Hangul");
    expect(scriptOf("\u{10FFFD}")).toBe("U+10FFFD");
  });
});
