import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/check.js";
import { tempDir } from "../helpers/temp.js";

describe("characters no font draws", async () => {
  const work = await tempDir("glyphs");
  const file = path.join(work, "brief.yaml");
  await writeFile(
    file,
    `title: Launch 🚀 review
date: 2024-06-19
timeline:
  events:
    - date: 2024-06-18
      title: Countdown 🚀
      detail: Stacked marks Z\u0334\u0321\u032a\u0359\u0345a\u0338l\u0336g\u0337o\u0335, a keycap a\u20e3 and marks of the extended block x\u1ab0\u1ab5
    - date: 2024-06-19
      title: Lift-off 🚀
      detail: Again 🚀
`,
  );
  const { results } = await check([file], { layout: true, requireBrowser: true });
  const fonts = (results[0]?.warnings ?? []).filter((w) => w.code === "missing-font");

  it("warns at most once per character a brief, where it is first written", () => {
    const rocket = fonts.filter((w) => w.message.includes("U+1F680"));
    // fontconfig may name a font for it that Chromium still draws as a box: the browser decides.
    expect(rocket.length).toBeLessThanOrEqual(1);
    for (const w of rocket) expect(w.pos.line).toBe(1);
    expect(fonts.length).toBe(new Set(fonts.map((w) => w.message.split(": ")[1])).size);
  });

  it("warns about combining marks that draw as boxes, at their line", () => {
    const marks = fonts.filter((w) => w.pos.line === 7);
    expect(marks.length).toBeGreaterThan(0);
    // Which marks a machine draws depends on its fonts (LibreOffice brings Liberation, which
    // draws U+0334 and the like); no font here draws those of U+1AB0–U+1AFF.
    expect(marks.map((w) => w.message).join("\n")).toMatch(/U\+1AB[05]|U\+20E3|U\+03[0-6][0-9A-F]/);
  });
});
