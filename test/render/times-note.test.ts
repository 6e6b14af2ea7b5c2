import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { legendFits } from "../../src/model/timeline-slides.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { overflowingSlides, overviewProblems } from "../helpers/layout.js";
import { tempDir } from "../helpers/temp.js";

// A brief whose times are written in four zones and shown in one: Amsterdam's, whose clocks
// change between its events. Its categories' names fill most of the legend's row, so that
// the note of the zone decides where some pages end.

const names = [
  "Statements by the European Union",
  "Sanctions and export controls",
  "Military movements in the region",
];
const zones = ["Europe/Amsterdam", "Asia/Seoul", "America/New_York", "+09:00"];

function brief(): string {
  const lines = [
    "title: One clock",
    "date: 2024-12-31",
    "classification: UNCLASSIFIED",
    "timeline:",
    "  timezone: Europe/Amsterdam",
    "  categories:",
    ...names.map((label, c) => `    c${c}: { label: ${label}, color: "#2b6cb0" }`),
    "  events:",
  ];
  for (let i = 0; i < 24; i++) {
    const zone = zones[i % zones.length] as string;
    const when = `2024-${String(1 + (i % 12)).padStart(2, "0")}-${String(3 + i).padStart(2, "0")}T0${i % 10}:15`;
    lines.push(
      `    - date: "${zone.startsWith("+") ? `${when}${zone}` : `${when} ${zone}`}"`,
      `      title: Event ${i}`,
      `      category: c${i % names.length}`,
    );
  }
  lines.push("    - date: 2024-06-19T02:50+09:00", "      title: The summit night");
  return `${lines.join("\n")}\n`;
}

let browser: Browser;
let deck: string;

beforeAll(async () => {
  const work = await tempDir("times-note");
  const file = path.join(work, "brief.yaml");
  await writeFile(file, brief());
  const [result] = await build([file], { outDir: path.join(work, "dist"), pdf: false });
  expect(result?.problems).toEqual([]);
  deck = result?.html as string;
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("the note of the zone times are shown in", () => {
  it("is counted in the legend's one row", () => {
    const categories = names.map((label, c) => ({ key: `c${c}`, label, color: "#000" }));
    expect(legendFits(categories)).toBe(true);
    expect(legendFits(categories, "Times in CET/CEST")).toBe(false);
    expect(legendFits(categories.slice(0, 2), "Times in CET/CEST")).toBe(true);
  });

  it("is on every overview page once, on the legend's one row, and no date has its own zone", async () => {
    const seen = await openDeck(
      browser,
      deck,
      async (page) => ({
        overviews: await page.evaluate(() =>
          [...document.querySelectorAll("section.slide--overview")].map((slide) => {
            // A second row starts below the whole of the first item.
            const boxes = [...slide.querySelectorAll(".legend > li")].map((li) =>
              li.getBoundingClientRect(),
            );
            const first = boxes[0] as DOMRect;
            return {
              notes: [...slide.querySelectorAll(".legend__note")].map((n) => n.textContent),
              rows: boxes.some((box) => box.top >= first.bottom - 2) ? 2 : 1,
              dates: [...slide.querySelectorAll(".tl__date")].map((d) => d.textContent ?? ""),
            };
          }),
        ),
        problems: [...(await overviewProblems(page)), ...(await overflowingSlides(page))],
      }),
      { print: true },
    );
    expect(seen.problems).toEqual([]);
    expect(seen.overviews.length).toBeGreaterThan(1);
    for (const overview of seen.overviews) {
      expect(overview.notes).toEqual(["Times in CET/CEST"]);
      expect(overview.rows).toBe(1);
      for (const date of overview.dates) expect(date).not.toMatch(/UTC|CET|CEST|KST|EST|EDT|\+/);
    }
    const dates = seen.overviews.flatMap((overview) => overview.dates);
    // 02:50 in Seoul is 19:50 the day before in Amsterdam's summer time.
    expect(dates).toContain("18 June 2024, 19:50");
  });
});
