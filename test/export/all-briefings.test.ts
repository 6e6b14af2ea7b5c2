import { readdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { overflowingSlides, overviewProblems } from "../helpers/layout.js";
import { tempDir } from "../helpers/temp.js";

const briefs = [
  ...readdirSync("briefings")
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => path.join("briefings", f)),
  "test/fixtures/valid/with-images.yaml",
];
let browser: Browser;
let out: string;

beforeAll(async () => {
  browser = await startBrowser();
  out = await tempDir("briefings");
});
afterAll(async () => {
  await browser?.close();
});

describe("every brief in briefings/, and one with images", () => {
  it("includes a dense one: 25 events or more, spans, rough dates, times in two zones", async () => {
    const { loadBrief } = await import("../../src/load/load-brief.js");
    const dense = await loadBrief("briefings/us-north-korea-summits-2018-2019.yaml");
    const events = dense.brief?.written.timeline.events ?? [];
    expect(events.length).toBeGreaterThanOrEqual(25);
    expect(events.some((e) => e.end)).toBe(true);
    expect(events.some((e) => e.approx)).toBe(true);
    const zones = new Set(
      events.map((e) => /([+-]\d\d:\d\d|Z)$/.exec(String(e.date))?.[1]).filter(Boolean),
    );
    expect(zones.size).toBeGreaterThanOrEqual(2);
  });

  for (const file of briefs) {
    it(`${file} builds, fits every slide, and lays its timeline out cleanly`, async () => {
      const [result] = await build([file], { outDir: out, pdf: false });
      expect(result?.problems).toEqual([]);
      await openDeck(
        browser,
        result?.html as string,
        async (page) => {
          expect(await overviewProblems(page)).toEqual([]);
          expect(await overflowingSlides(page)).toEqual([]);
        },
        { print: true },
      );
    });
  }
});
