import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { build } from "../../src/build.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { overflowingSlides, overviewProblems } from "../helpers/layout.js";
import { tempDir } from "../helpers/temp.js";

const periods = [
  { start: 1989, end: 1991, label: "End of the Cold War" },
  { start: 1995, label: "Since the Agreed Framework", color: "#2b6cb0" },
  { start: "2011-12", label: "김정은 집권기" },
  { start: "2016-03", end: 2022, label: "Sanctions under resolution 2270", color: "#c05621" },
  { start: "2018-01-01", end: "2018-06-30", label: "Olympic thaw" },
  { start: "2018-03", end: "2018-09", label: "Summit season", color: "#2f855a" },
  {
    start: "2019-02-27",
    end: "2019-02-28",
    label: "Two days in Hanoi, whose label is far longer than its band",
    color: "#6b46c1",
  },
];

/** A crowded timeline with a lone early event, and periods that overlap, cross breaks, are tiny. */
function brief() {
  const events = [
    { date: 1990, title: "A lone event of 1990, far from the others", category: "a" },
    ...Array.from({ length: 36 }, (_, i) => ({
      date: `${2016 + Math.floor(i / 6)}-${String((i % 6) * 2 + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
      title: `Event ${i + 1}: ${["talks resume", "a missile launch", "an envoy visits", "a summit is held"][i % 4]}`,
      category: i % 2 ? "a" : "b",
      ...(i % 9 === 0 ? { detail: `Detail of event ${i + 1}.` } : {}),
    })),
  ];
  return {
    title: "Periods",
    date: "2024-06-19",
    classification: "UNCLASSIFIED",
    timeline: {
      categories: {
        a: { label: "Talks", color: "#2b6cb0" },
        b: { label: "Tests", color: "#c05621" },
      },
      periods,
      events,
    },
  };
}

let browser: Browser;
let html: string;

beforeAll(async () => {
  const dir = await tempDir("periods");
  const file = path.join(dir, "periods.yaml");
  await writeFile(file, stringify(brief()));
  const [result] = await build([file], { outDir: path.join(dir, "dist"), pdf: false });
  expect(result?.problems).toEqual([]);
  html = result?.html as string;
  browser = await startBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe("a timeline with periods, in Chromium", () => {
  it("sets period labels clear of every event label, each other and the legend, none cut short or off its slide", async () => {
    await openDeck(
      browser,
      html,
      async (page) => {
        expect(await overviewProblems(page)).toEqual([]);
        expect(await overflowingSlides(page)).toEqual([]);
      },
      { print: true },
    );
  });

  it("draws each period as a band with its label on an overview, and on the strips", async () => {
    const drawn = await openDeck(
      browser,
      html,
      (page) =>
        page.evaluate(() => ({
          overviews: [...document.querySelectorAll("section.slide--overview")].map((slide) => ({
            bands: slide.querySelectorAll(".tl__period").length,
            labels: [...slide.querySelectorAll(".tl__period-label")].map((l) => l.textContent),
            plot: (slide.querySelector(".tl") as HTMLElement).getBoundingClientRect().height,
            band: Math.max(
              ...[...slide.querySelectorAll(".tl__period")].map(
                (b) => b.getBoundingClientRect().height,
              ),
            ),
          })),
          strips: [...document.querySelectorAll(".strip")].map(
            (strip) => strip.querySelectorAll(".strip__period").length,
          ),
        })),
      { print: true },
    );
    expect(drawn.overviews.length).toBeGreaterThan(1);
    const labels = new Set(drawn.overviews.flatMap((o) => o.labels));
    expect([...labels].sort()).toEqual(periods.map((p) => p.label).sort());
    for (const o of drawn.overviews) {
      expect(o.bands).toBe(o.labels.length);
      // Each band runs the plot's full height.
      if (o.bands > 0) expect(o.band).toBeCloseTo(o.plot, 0);
    }
    // The open period since 1995 touches every page.
    for (const o of drawn.overviews) expect(o.labels).toContain("Since the Agreed Framework");
    expect(drawn.strips.length).toBeGreaterThan(0);
    for (const count of drawn.strips) expect(count).toBeGreaterThan(0);
  });
});
