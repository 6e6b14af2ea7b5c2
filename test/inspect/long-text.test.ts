import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { check } from "../../src/check.js";
import { pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

const hex = (n: number, step: number) =>
  Array.from({ length: n }, (_, i) => "0123456789abcdef"[(i * step + 3) % 16]).join("");
const sha256 = hex(64, 7);
const sha512 = hex(128, 5);
const url = `https://example.com/${Array.from({ length: 40 }, (_, i) => `part${i}/`).join("")}`
  .padEnd(300, "x")
  .slice(0, 300);

/** A brief with `word` in every field that is drawn in full on some slide. */
function briefWith(word: string): string {
  return `title: Title ${word}
date: 2024-06-19
summary:
  - Summary ${word}
timeline:
  events:
    - date: 2024-06-19
      title: Event ${word}
      detail: Detail ${word}
      sources: [s1]
sections:
  - type: points
    title: Points ${word}
    items:
      - Point ${word}
  - type: judgments
    title: Judgments
    items:
      - statement: Judgment ${word}
        confidence: low
  - type: actors
    title: Actors
    people:
      - name: ${word}
        role: Role ${word}
sources:
  - id: s1
    title: Source ${word}
    url: https://example.com/${word}
  - id: s2
    title: ${word}
    url: ${url}
`;
}

// pdftotext breaks lines where the slide wrapped them; the characters themselves must be all there.
const joined = (pages: string[]) => pages.join("").replace(/\s+/g, "");

describe("long unbreakable text", async () => {
  const work = await tempDir("long-text");
  const files: string[] = [];
  for (const [name, word] of Object.entries({ sha256, sha512, url })) {
    const file = path.join(work, `${name}.yaml`);
    await writeFile(file, briefWith(word));
    files.push(file);
  }
  const built = await build(files, { outDir: path.join(work, "dist"), pdf: true, force: true });

  it("wraps, so every hash and URL is in the PDF's text whole, in every field", () => {
    for (const [i, word] of [sha256, sha512, url].entries()) {
      const result = built[i];
      expect(result?.problems).toEqual([]);
      const text = joined(pdfPages(result?.pdf as string));
      for (const field of [
        "Title",
        "Summary",
        "Event",
        "Detail",
        "Point",
        "Judgment",
        "Role",
        "Source",
      ]) {
        expect(text, `${field} of brief ${i}`).toContain(`${field}${word}`);
      }
      expect(text).toContain(url);
      expect(result?.warnings).toEqual([]);
    }
  });

  it("leaves nothing for check to warn about", async () => {
    const { results } = await check(files, { layout: true, requireBrowser: true });
    for (const result of results) expect(result.warnings).toEqual([]);
  });
});

describe("text a theme forces off the slide", async () => {
  const work = await tempDir("forced-cut");
  const file = path.join(work, "brief.yaml");
  await writeFile(
    file,
    `title: Forced
date: 2024-06-19
timeline:
  events:
    - date: 2024-06-19
      title: An event
sections:
  - type: points
    title: Points
    items:
      - Short
      - ${"A point that a theme keeps on one line, ".repeat(6)}
  - type: watch
    title: Watch
    items:
      - ${"Clipped by its box ".repeat(3)}
`,
  );
  const theme = path.join(work, "house.css");
  await writeFile(
    theme,
    `.reveal .list--summary li { white-space: nowrap; }
.reveal .list--watch li { white-space: nowrap; overflow: hidden; max-width: 400px; }
.reveal .cover__kicker { margin-left: -300px; }`,
  );
  const { results } = await check([file], {
    layout: true,
    requireBrowser: true,
    look: { theme },
  });
  const warnings = results[0]?.warnings ?? [];

  it("warns at the line of each text that leaves the slide or is clipped, on any side", () => {
    expect(warnings.map((w) => [w.code, w.pos.line, w.path])).toEqual([
      // The cover's "Briefing" kicker comes from no line of the brief: the slide's.
      ["overflow", 1, ["title"]],
      ["overflow", 12, ["sections", 0, "items", 1]],
      ["overflow", 16, ["sections", 1, "items", 0]],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining("left edge"),
      expect.stringContaining("right edge"),
      expect.stringContaining("cut off by the box"),
    ]);
  });
});
