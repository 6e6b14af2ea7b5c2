import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { check } from "../../src/check.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

const categories = 64;
const sources = 180;

function manyBrief(): string {
  const lines = [
    "title: Many categories and sources",
    "date: 2027-12-31",
    "classification: UNCLASSIFIED",
    "timeline:",
    "  categories:",
  ];
  for (let c = 0; c < categories; c++) {
    const hex = ((c * 2654435761) % 0xffffff).toString(16).padStart(6, "0");
    lines.push(`    c${c}: { label: Category number ${c}, color: "#${hex}" }`);
  }
  lines.push("  events:");
  for (let i = 0; i < 2 * categories; i++) {
    lines.push(
      `    - date: ${1900 + i}-0${(i % 9) + 1}`,
      `      title: Event ${i}`,
      `      category: c${i % categories}`,
    );
  }
  lines.push("sources:");
  for (let s = 0; s < sources; s++) {
    // Titles of one, two and three lines.
    const title = `Source title ${s} ${"about what happened ".repeat(s % 3 === 0 ? 1 : s % 3 === 1 ? 4 : 8)}`;
    lines.push(
      `  - id: s${s}`,
      `    title: ${title.trim()}`,
      "    publisher: A publisher",
      "    date: 2024-06-01",
      `    url: https://example.org/reports/${s}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

describe("a brief with many categories and sources", async () => {
  const work = await tempDir("many");
  const file = path.join(work, "many.yaml");
  await writeFile(file, manyBrief());
  const [result] = await build([file], { outDir: path.join(work, "dist"), pdf: true });
  const pages = pdfPages(result?.pdf as string);

  it("builds with no slide overflowing, legend and sources included", async () => {
    expect(result?.problems).toEqual([]);
    expect(result?.warnings).toEqual([]);
    const { results } = await check([file], { layout: true, requireBrowser: true });
    expect(results[0]?.warnings).toEqual([]);
  });

  it("fills the sources slides, and the PDF has every source's title", async () => {
    // Measured in the browser: how much of the room under its heading each sources slide uses.
    const browser = await startBrowser();
    const fill = await openDeck(
      browser,
      result?.html as string,
      (page) =>
        page.evaluate(() =>
          [...document.querySelectorAll("section.slide--sources")].map((slide) => {
            const body = slide.querySelector(".body") as HTMLElement;
            const list = slide.querySelector(".sources") as HTMLElement;
            const room = body.getBoundingClientRect().bottom - list.getBoundingClientRect().top;
            return list.getBoundingClientRect().height / room;
          }),
        ),
      { print: true },
    ).finally(() => browser.close());
    expect(fill.length).toBeGreaterThan(1);
    for (const used of fill.slice(0, -1)) expect(used).toBeGreaterThan(0.6);
    const text = pages.join("").replace(/\s+/g, " ");
    for (let s = 0; s < sources; s++) expect(text).toContain(`Source title ${s} about`);
  });

  it("names every category in some overview page's legend", () => {
    const text = pages.join("\n");
    for (let c = 0; c < categories; c++) expect(text).toContain(`Category number ${c}`);
  });
});
