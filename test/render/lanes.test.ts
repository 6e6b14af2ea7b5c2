import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { loadBrief } from "../../src/load/load-brief.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { overflowingSlides, overviewProblems } from "../helpers/layout.js";
import { tempDir } from "../helpers/temp.js";

// The timeline's second edition at once, measured in Chromium as it prints: four lanes and a
// fifth of events without a category, overlapping periods, a display zone over times written in
// other zones, importance, and a crowded week.

const fixture = "test/fixtures/layout/lanes.yaml";
let browser: Browser;
let deck: string;

beforeAll(async () => {
  const out = await tempDir("lanes");
  const [result] = await build([fixture], { outDir: out, pdf: false });
  expect(result?.problems).toEqual([]);
  deck = result?.html as string;
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

interface Seen {
  lanes: string[][];
  dots: number;
  labels: number;
  unlabelled: number;
  notes: string[];
  legends: number;
  zones: string[];
  periods: string[];
  dates: string[];
}

describe("lanes on the overview", () => {
  it("names each lane once, in the legend's order, with no text overlapping or off a slide", async () => {
    const seen = await openDeck(
      browser,
      deck,
      async (page) => {
        expect(await overviewProblems(page)).toEqual([]);
        expect(await overflowingSlides(page)).toEqual([]);
        return page.evaluate(() => {
          const slides = [...document.querySelectorAll("section.slide--overview")];
          return {
            lanes: slides.map((s) =>
              [...s.querySelectorAll(".tl__lane-name")].map((n) => n.textContent ?? ""),
            ),
            dots: document.querySelectorAll("section.slide--overview .tl__dot").length,
            labels: document.querySelectorAll("section.slide--overview .tl__label").length,
            unlabelled: document.querySelectorAll(".tl__dot--unlabelled").length,
            notes: slides.map((s) => s.querySelector(".legend__unlabelled")?.textContent ?? ""),
            legends: document.querySelectorAll("section.slide--overview .legend__item").length,
            zones: slides.map((s) => s.querySelector(".legend__note")?.textContent ?? ""),
            periods: [...document.querySelectorAll(".tl__period-label")].map((p) => p.textContent),
            dates: [...document.querySelectorAll("section.slide--overview .tl__date")].map(
              (d) => d.textContent ?? "",
            ),
          };
        });
      },
      { print: true },
    );
    const events = (await loadBrief(fixture)).brief?.timeline.events ?? [];
    const s = seen as Seen;
    // Every event once, as a dot; each lane named on every page, the legend gone.
    expect(s.dots).toBe(events.length);
    for (const names of s.lanes) {
      expect(names).toEqual(["Military", "Diplomacy", "Economy and sanctions", "Statements"]);
    }
    expect(s.legends).toBe(0);
    // What was left out is said, page by page.
    expect(s.unlabelled).toBeGreaterThan(0);
    expect(s.labels + s.unlabelled).toBe(events.length);
    const said = s.notes.map((note) => Number(/\+(\d+)/.exec(note)?.[1] ?? 0));
    expect(said.reduce((a, b) => a + b, 0)).toBe(s.unlabelled);
    // One clock: times written in Pyongyang, New York and Moscow, shown in Seoul's, said once a page.
    expect(s.zones.every((zone) => zone === "Times in KST")).toBe(true);
    expect(s.dates).toContain("6 March 2026, 05:00");
    expect(s.dates).toContain("5 March 2026, 06:12:30");
    // Overlapping periods, each named on the pages it touches.
    for (const name of [
      "Spring exercise",
      "Sanctions review under way",
      "Moscow visit and after",
    ]) {
      expect(s.periods).toContain(name);
    }
  });
});
