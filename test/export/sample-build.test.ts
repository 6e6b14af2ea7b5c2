import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { loadBrief } from "../../src/load/load-brief.js";
import type { Brief } from "../../src/load/schema.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { overflowingSlides, overviewProblems } from "../helpers/layout.js";
import { pdfFonts, pdfInfo, pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

const sample = "briefings/putin-kim-summit-2024.yaml";
let out: string;
let brief: Brief;
let browser: Browser;
let html: string;
let pdf: string;

beforeAll(async () => {
  out = await tempDir("sample");
  const [result] = await build([sample], { outDir: out, pdf: true });
  expect(result?.problems).toEqual([]);
  html = result?.html as string;
  pdf = result?.pdf as string;
  brief = (await loadBrief(sample)).brief?.written as Brief;
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function deck(fn: (page: Page) => Promise<void>, print = false) {
  return openDeck(browser, html, fn, { print });
}

describe("the sample brief, built with the real browser", () => {
  it("writes the deck and the PDF where the contract says", () => {
    expect(html).toBe(path.join(out, "putin-kim-summit-2024", "index.html"));
    expect(pdf).toBe(path.join(out, "putin-kim-summit-2024", "putin-kim-summit-2024.pdf"));
  });

  it("prints one PDF page per slide, at 16:9", async () => {
    const slides = (
      (await readFile(html, "utf8")).match(/<section id="[^"]+" class="slide /g) ?? []
    ).length;
    const info = pdfInfo(pdf);
    expect(slides).toBeGreaterThan(10);
    expect(Number(info.Pages)).toBe(slides);
    expect(info["Page size"]).toMatch(/^960 x 540 pts/);
  });

  it("has every event title in the PDF text, and the banner top and bottom of every page", () => {
    const pages = pdfPages(pdf);
    const text = pages.join("\n").replace(/\s+/g, " ");
    for (const event of brief.timeline.events) expect(text).toContain(event.title);
    for (const page of pages) {
      expect(page.match(/UNCLASSIFIED/g)?.length).toBe(2);
    }
  });

  it("prints Korean and Russian names with real glyphs", async () => {
    const text = pdfPages(pdf).join("\n");
    expect(text).toContain("김정은");
    expect(text).toContain("Владимир Путин");
    expect(pdfFonts(pdf).some((font) => /SourceSans3/.test(font))).toBe(true);
    // Text extraction would find the characters even if they printed as empty boxes; ask the
    // browser which installed font actually drew them.
    await deck(async (page) => {
      const cdp = await page.createCDPSession();
      await cdp.send("DOM.enable");
      await cdp.send("CSS.enable");
      const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
      const { nodeIds } = await cdp.send("DOM.querySelectorAll", {
        nodeId: root.nodeId,
        selector: ".actor__name",
      });
      const used = new Set<string>();
      for (const nodeId of nodeIds) {
        const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
        for (const font of fonts) used.add(`${font.familyName} ${font.isCustomFont}`);
      }
      // The Hangul comes from the cut of Noto Sans KR the deck carries (a web font), not from
      // the system's Noto Sans CJK, which Chrome's PDF printer is slow to embed, as Type 3.
      expect([...used].join(", ")).toMatch(/Noto Sans KR[^,]* true/);
      expect([...used].join(", ")).not.toMatch(/Noto Sans CJK \w+ false/);
      expect([...used].join(", ")).toMatch(/Source Sans 3/);
    }, true);
  });

  it("puts title, author, subject and keywords into the PDF metadata", () => {
    const info = pdfInfo(pdf);
    expect(info.Title).toBe(brief.title);
    expect(info.Author).toBe(brief.author);
    expect(info.Subject).toBe(brief.subtitle);
    expect(info.Keywords).toContain("Treaties");
    expect(info.CreationDate).toMatch(/Jun 19 00:00:00 2024/);
  });

  it("opens in Chromium, reaches reveal's ready state, and arrow keys move between slides", async () => {
    await deck(async (page) => {
      const index = () =>
        page.evaluate(
          () =>
            (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices()
              .h,
        );
      expect(await index()).toBe(0);
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      expect(await index()).toBe(2);
      await page.keyboard.press("ArrowLeft");
      expect(await index()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    });
  });

  it("fits every slide: nothing overflows its slide or is cut off", async () => {
    await deck(async (page) => {
      expect(await overflowingSlides(page)).toEqual([]);
    }, true);
  });

  it("draws the timeline with no label overlapping another or leaving its slide", async () => {
    await deck(async (page) => {
      expect(await page.$$eval(".tl__label", (labels) => labels.length)).toBe(
        brief.timeline.events.length,
      );
      expect(await overviewProblems(page)).toEqual([]);
    }, true);
  });

  it("is legible from the back of the room: body text at least 24 px, titles at least 40 px", async () => {
    await deck(async (page) => {
      const sizes = await page.evaluate(() => {
        const size = (selector: string) =>
          [...document.querySelectorAll(selector)].map((el) =>
            Number.parseFloat(getComputedStyle(el).fontSize),
          );
        return {
          body: size(
            ".list li, .event__detail, .chronology__title, .actor__role, .actor__note, .judgment__statement, .source__text, .cover__subtitle",
          ),
          titles: size(".heading, .cover__title"),
        };
      });
      expect(sizes.body.length).toBeGreaterThan(10);
      expect(Math.min(...sizes.body)).toBeGreaterThanOrEqual(24);
      expect(Math.min(...sizes.titles)).toBeGreaterThanOrEqual(40);
    });
  });

  it("loads its fonts from beside the deck, with no network", async () => {
    await deck(async (page) => {
      const loaded = await page.evaluate(async () => {
        await document.fonts.ready;
        return document.fonts.check('600 26px "Source Sans 3"');
      });
      expect(loaded).toBe(true);
    });
  });
});
