import { readFile } from "node:fs/promises";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { loadBrief } from "../../src/load/load-brief.js";
import type { Brief } from "../../src/load/schema.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { pdfInfo, pdfLinks, pdfOutline, pdfPages, pdfStructText } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

const sample = "briefings/putin-kim-summit-2024.yaml";
let brief: Brief;
let pdf: string;
let html: string;
let handout: string;
let browser: Browser;

beforeAll(async () => {
  const [result] = await build([sample], {
    outDir: await tempDir("pdf"),
    pdf: true,
    handout: true,
  });
  pdf = result?.pdf as string;
  html = result?.html as string;
  handout = result?.handout as string;
  brief = (await loadBrief(sample)).brief?.written as Brief;
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("the PDF, done properly", () => {
  it("has bookmarks for the title, summary, timeline with its events, each section and the sources", () => {
    const outline = pdfOutline(pdf);
    const sections = brief.sections ?? [];
    expect(outline.map((b) => b.title)).toEqual([
      brief.title,
      "Bottom line up front",
      brief.timeline.title,
      ...sections.map((s) => ("title" in s ? s.title : s.type === "quote" ? s.attribution : "")),
      "Sources",
      "Reading the judgments",
    ]);
    const timeline = outline[2];
    const events = [...brief.timeline.events].filter((e) => e.detail || e.image);
    expect(timeline?.children.map((b) => b.title).sort()).toEqual(
      events.map((e) => e.title).sort(),
    );
    // Each bookmark opens the page whose text carries its title.
    const pages = pdfPages(pdf).map((p) => p.replace(/\s+/g, " "));
    for (const bookmark of [...outline, ...(timeline?.children ?? [])]) {
      expect(pages[bookmark.page - 1]).toContain(bookmark.title);
    }
    const numbers = outline.map((b) => b.page);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it("links source URLs, and citation numbers to the page of the sources slide", async () => {
    const links = await pdfLinks(pdf);
    const sourcesPage = pdfPages(pdf).findIndex((p) => /^Sources$/m.test(p)) + 1;
    // The slide that explains the judgments' yardstick closes the deck, after the sources.
    expect(sourcesPage).toBe(links.length - 1);
    const urls = links.flat().flatMap((l) => ("uri" in l ? [l.uri] : []));
    for (const source of brief.sources ?? []) if (source.url) expect(urls).toContain(source.url);
    const citations = links.slice(0, sourcesPage - 1).flat();
    const toSources = citations.filter((l) => "page" in l && l.page === sourcesPage);
    expect(toSources.length).toBeGreaterThanOrEqual(10);
    // The overview's event titles open the event's own page; no link goes nowhere.
    // (A title wrapped over two lines is two link boxes to the same page.)
    const overview = new Set((links[2] ?? []).map((l) => ("page" in l ? l.page : 0)));
    expect([...overview].sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const link of links.flat()) {
      if ("page" in link) expect(link.page).toBeGreaterThan(0);
      else expect(link.uri).toMatch(/^https?:/);
    }
  });

  it("is tagged, and says its language", async () => {
    expect(pdfInfo(pdf).Tagged).toBe("yes");
    const { PDFDocument, PDFName } = await import("pdf-lib");
    const doc = await PDFDocument.load(await readFile(pdf), { updateMetadata: false });
    expect(doc.catalog.lookup(PDFName.of("Lang"))?.toString()).toBe("(en)");
    expect(doc.catalog.get(PDFName.of("StructTreeRoot"))).toBeDefined();
    // Every slide is in the tags, not only the first one reveal leaves unhidden.
    const tags = pdfStructText(pdf);
    const tagged = (tags.match(/"[^"\n]*"/g) ?? []).join("").replace(/[\s"]/g, "");
    for (const event of brief.timeline.events) {
      expect(tagged).toContain(event.title.replace(/\s/g, ""));
    }
    expect(tags).toMatch(/H2 \(block\)\s+NonStruct\s+"Sources"/);
  });

  it("numbers every page and puts the banner at its top and bottom", () => {
    const pages = pdfPages(pdf);
    pages.forEach((page, i) => {
      expect(page.trim().split("\n")[0]).toBe("UNCLASSIFIED");
      expect(page.match(/^UNCLASSIFIED$/gm)).toHaveLength(2);
      expect(page).toContain(`${i + 1} / ${pages.length}`);
    });
  });

  it("gives byte-identical PDFs and handouts when the same brief is built twice", async () => {
    const [again] = await build([sample], {
      outDir: await tempDir("pdf-again"),
      pdf: true,
      handout: true,
    });
    const [first, second] = await Promise.all([readFile(pdf), readFile(again?.pdf as string)]);
    expect(first.equals(second)).toBe(true);
    const handouts = await Promise.all([handout, again?.handout as string].map((f) => readFile(f)));
    expect(handouts[0]?.equals(handouts[1] as Buffer)).toBe(true);
    expect(pdfInfo(pdf).CreationDate).toMatch(/Jun 19 00:00:00 2024/);
    expect(first.includes("HeadlessChrome")).toBe(false);
  });

  it("in the live deck, a citation number goes to the sources slide", async () => {
    await openDeck(browser, html, async (page) => {
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await page.click(".present .ref");
      await page.waitForFunction(
        () =>
          (window as unknown as { Reveal: { getCurrentSlide(): Element } }).Reveal.getCurrentSlide()
            .id === "sources",
      );
    });
  });
});
