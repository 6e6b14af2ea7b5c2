import { copyFileSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../src/errors.js";
import { validateBrief } from "../../src/load/load-brief.js";
import { templatesDir } from "../../src/render/templates.js";
import { type PreviewServer, startServer } from "../../src/serve/server.js";
import { startBrowser } from "../helpers/browser.js";
import { tempDir } from "../helpers/temp.js";

const sample = "briefings/putin-kim-summit-2024.yaml";
const dot = "test/fixtures/valid/photos/dot.png";
let browser: Browser;
let server: PreviewServer;
let page: Page;
let brief: string;
const original = readFileSync(sample, "utf8");

const revealReady = (p: Page) =>
  p.waitForFunction(() =>
    (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady(),
  );
const slideIndex = (p: Page) =>
  p.evaluate(
    () => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h,
  );
const overlayText = (p: Page) =>
  p.evaluate(() => document.getElementById("briefing-problems")?.textContent ?? null);

beforeAll(async () => {
  const work = await tempDir("live");
  brief = path.join(work, "brief.yaml");
  copyFileSync(sample, brief);
  copyFileSync(dot, path.join(work, "dot.png"));
  [browser, server] = await Promise.all([
    startBrowser(),
    startServer({ input: brief, port: 0, host: "127.0.0.1" }),
  ]);
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
});

describe("briefing serve in the real browser", () => {
  it("reloads the deck when the brief is saved, on the same slide", async () => {
    await page.goto(`${server.url}brief/#/timeline`, { waitUntil: "load" });
    await revealReady(page);
    const before = await slideIndex(page);
    expect(before).toBeGreaterThan(0);

    // A mark on the window survives an in-place update but not a reload of the page.
    await page.evaluate(() => {
      (window as unknown as { __sameDocument?: boolean }).__sameDocument = true;
    });
    const saved = performance.now();
    writeFileSync(brief, original.replace("title: Road to the summit", "title: Road to Pyongyang"));
    await page.waitForFunction(() =>
      document.querySelector("#timeline .heading")?.textContent?.includes("Road to Pyongyang"),
    );
    const ms = performance.now() - saved;
    console.info(`save → new text on the slide: ${ms.toFixed(0)} ms`);
    // A change to the brief alone swaps the slides in place, without loading the page again.
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);

    const heading = await page.$eval("#timeline .heading", (el) => el.textContent);
    expect(heading).toContain("Road to Pyongyang");
    expect(await page.evaluate(() => location.hash)).toBe("#/timeline");
    expect(await slideIndex(page)).toBe(before);
  });

  it("keeps the last good deck under an overlay that points at the broken line", async () => {
    const lines = original.split("\n");
    const broken = lines.findIndex((l) => l.startsWith("subtitle:"));
    lines[broken] = "subtitle: Deepening: [cooperation";
    const text = lines.join("\n");
    const expected = (await validateBrief(brief, text)).problems.map(formatProblem);
    expect(expected[0]).toMatch(new RegExp(`^${brief}:${broken + 1}:\\d+: `));

    writeFileSync(brief, text);
    await page.waitForFunction(() => document.getElementById("briefing-problems") !== null);
    const overlay = await overlayText(page);
    for (const line of expected) expect(overlay).toContain(line);
    // The deck behind it is still the last good one, on the same slide.
    expect(await page.$eval("#timeline .heading", (el) => el.textContent)).toContain(
      "Road to Pyongyang",
    );
    expect(await page.evaluate(() => location.hash)).toBe("#/timeline");
  });

  it("clears the overlay on the next good save", async () => {
    writeFileSync(brief, original);
    await page.waitForFunction(() => document.getElementById("briefing-problems") === null);
    expect(await page.$eval("#timeline .heading", (el) => el.textContent)).toContain(
      "Road to the summit",
    );
    expect(await page.evaluate(() => location.hash)).toBe("#/timeline");
  });

  it("shows a problem as text, never as markup", async () => {
    writeFileSync(
      brief,
      original.replace("title: Putin", 'title: "<img src=x onerror=alert(1)>" Putin'),
    );
    await page.waitForFunction(() => document.getElementById("briefing-problems") !== null);
    expect(await page.$$eval("#briefing-problems *", (els) => els.length)).toBe(0);
    writeFileSync(brief, original);
    await page.waitForFunction(() => document.getElementById("briefing-problems") === null);
  });

  it("loads the page again when a template changes, on the same slide", async () => {
    const hash = await page.evaluate(() => location.hash);
    const reloaded = page.waitForNavigation({ waitUntil: "load" });
    // Touching the theme changes nothing in it, so other tests reading it are undisturbed.
    const theme = path.join(templatesDir, "theme", "theme.css");
    const now = new Date();
    utimesSync(theme, now, now);
    await reloaded;
    await revealReady(page);
    expect(await page.evaluate(() => location.hash)).toBe(hash);
  });

  it("loads the page again when an image the brief uses changes, on the same slide", async () => {
    const withImage = original.replace(/(\n {4}- date: 1961\n)/, "$1      image: dot.png\n");
    expect(withImage).not.toBe(original);
    writeFileSync(brief, withImage);
    await page.waitForFunction(() => document.querySelector("img[src='assets/dot.png']") !== null);
    // A new image can load the page again: its img is there before reveal has started.
    await revealReady(page);
    await page.evaluate(() => {
      (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(3);
    });
    // Reveal writes the slide into the URL's hash a moment after moving.
    await page.waitForFunction(() => location.hash !== "#/timeline");
    const hash = await page.evaluate(() => location.hash);
    const reloaded = page.waitForNavigation({ waitUntil: "load" });
    copyFileSync(dot, path.join(path.dirname(brief), "dot.png"));
    await reloaded;
    await revealReady(page);
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    expect(await slideIndex(page)).toBe(3);
  });
});
