import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { markingColours } from "../../src/model/marking-colours.js";

const six = (colour: string) =>
  colour.length === 4 ? `#${[...colour.slice(1)].map((d) => d + d).join("")}` : colour;

describe("markingColours", () => {
  it("are the colours theme.css gives each level's banner", async () => {
    const css = await readFile(new URL("../../templates/theme/theme.css", import.meta.url), "utf8");
    const rules = [...css.matchAll(/((?:\.reveal \.banner--[\w-]+,?\s*)+)\{([^}]*)\}/g)];
    const themed: Record<string, { background: string; ink: string }> = {};
    for (const [, selectors, body] of rules) {
      const background = /--marking:\s*(#[0-9a-f]+)/i.exec(body ?? "")?.[1];
      const ink = /--marking-ink:\s*(#[0-9a-f]+)/i.exec(body ?? "")?.[1];
      if (!background || !ink) continue;
      for (const [, level] of (selectors ?? "").matchAll(/\.banner--([\w-]+)/g)) {
        themed[level as string] = { background: six(background), ink: six(ink) };
      }
    }
    const fallback =
      /var\(--marking-ink, (#[0-9a-f]+)\)[\s\S]*?var\(--marking, (#[0-9a-f]+)\)/i.exec(css);
    for (const [level, colours] of Object.entries(markingColours)) {
      const expected = themed[level] ?? {
        background: six(fallback?.[2] ?? ""),
        ink: six(fallback?.[1] ?? ""),
      };
      expect({ level, ...colours }).toEqual({ level, ...expected });
    }
    expect(Object.keys(themed).every((level) => level in markingColours)).toBe(true);
  });
});
