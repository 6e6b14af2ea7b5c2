import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { build } from "../../src/build.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { overflowingSlides, overviewProblems } from "../helpers/layout.js";
import { pdfInfo, pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

const count = 1000;
const words = [
  "talks",
  "envoy",
  "summit",
  "missile",
  "launch",
  "treaty",
  "sanctions",
  "statement",
  "visit",
  "exercise",
];

/** A brief of 1,000 events over 30 years: months, days, spans, rough and timed dates. */
function largeBrief() {
  const events = Array.from({ length: count }, (_, i) => {
    const year = 1995 + Math.floor(i / 34);
    const month = String((i % 12) + 1).padStart(2, "0");
    const day = String((i % 27) + 1).padStart(2, "0");
    const forms = [
      `${year}-${month}`,
      `${year}-${month}-${day}`,
      `${year}-${month}-${day}T${String(i % 24).padStart(2, "0")}:30+09:00`,
    ];
    const event: Record<string, unknown> = {
      date: forms[i % 3],
      title: `E${String(i + 1).padStart(4, "0")} ${words[i % 10]} ${words[(i * 7) % 10]} and ${words[(i * 3) % 10]}`,
      category: i % 2 ? "a" : "b",
    };
    if (i % 3 === 0 && i % 2 === 0) event.approx = "late";
    if (i % 11 === 0) event.end = `${year + 1}`;
    if (i % 100 === 0) event.detail = `Detail of event ${i + 1}.`;
    return event;
  });
  return {
    title: "A thousand events",
    date: "2030-01-01",
    classification: "UNCLASSIFIED",
    timeline: {
      categories: {
        a: { label: "Talks", color: "#2b6cb0" },
        b: { label: "Tests", color: "#c05621" },
      },
      events,
    },
  };
}

let browser: Browser;
let html: string;
let pdf: string;
let titles: string[];

beforeAll(async () => {
  const dir = await tempDir("large");
  const file = path.join(dir, "large.yaml");
  const brief = largeBrief();
  titles = brief.timeline.events.map((e) => e.title as string);
  await writeFile(file, stringify(brief));
  const [result] = await build([file], { outDir: path.join(dir, "dist"), pdf: true });
  expect(result?.problems).toEqual([]);
  html = result?.html as string;
  pdf = result?.pdf as string;
  browser = await startBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe("a timeline of 1,000 events", () => {
  it("prints every event title, one page per slide", async () => {
    const pages = pdfPages(pdf);
    const text = pages.join("\n").replace(/\s+/g, " ");
    const missing = titles.filter((t) => !text.includes(t));
    expect(missing).toEqual([]);
    const slides = await openDeck(browser, html, (page) =>
      page.$$eval("section.slide", (s) => s.length),
    );
    expect(Number(pdfInfo(pdf).Pages)).toBe(slides);
  });

  it("has no overlapping labels and nothing cut off", async () => {
    await openDeck(
      browser,
      html,
      async (page) => {
        expect(await page.$$eval(".tl__label", (labels) => labels.length)).toBe(count);
        expect(await overviewProblems(page)).toEqual([]);
        expect(await overflowingSlides(page)).toEqual([]);
      },
      { print: true },
    );
  });
});
