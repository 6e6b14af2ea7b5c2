import { copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page, Target } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { startBrowser } from "../helpers/browser.js";
import { tempDir } from "../helpers/temp.js";

const sample = "briefings/putin-kim-summit-2024.yaml";
let file: string;
let browser: Browser;

type Reveal = { isReady(): boolean; getIndices(): { h: number }; getTotalSlides(): number };

beforeAll(async () => {
  // The sample with a photo on its first event, so that an image has to travel in the file too.
  const work = await tempDir("single");
  await mkdir(path.join(work, "photos"));
  await copyFile("test/fixtures/valid/photos/dot.png", path.join(work, "photos", "dot.png"));
  const yaml = (await readFile(sample, "utf8")).replace(
    "      category: treaty\n",
    "      category: treaty\n      image: photos/dot.png\n",
  );
  await writeFile(path.join(work, "sample.yaml"), yaml);
  const [result] = await build([path.join(work, "sample.yaml")], {
    outDir: path.join(work, "dist"),
    pdf: false,
    singleFile: true,
    notes: true,
  });
  file = result?.singleFile as string;
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("the one-file deck", () => {
  it("is one lean file: no references to files beside it, only the font faces it needs", async () => {
    const html = await readFile(file, "utf8");
    expect(html).not.toMatch(/<(link|script)[^>]+(href|src)=/);
    expect(html).not.toMatch(/ src="assets\//);
    expect(html).toContain('src="data:image/png;base64,');
    // Latin and Cyrillic faces in three weights; no italic faces unused... the sample has <em>.
    const faces = html.match(/@font-face/g)?.length ?? 0;
    expect(html.match(/font-family: "Source Sans 3"/g)?.length).toBeLessThanOrEqual(10);
    // Two weights of each of the few files of Noto Sans KR the sample's Hangul falls in.
    expect(html.match(/font-family: "Briefing Fallback"/g)?.length).toBeLessThanOrEqual(8);
    for (const unused of ["RevealHighlight", "RevealMath", "RevealZoom", "RevealSearch"])
      expect(html).not.toContain(unused);
    const size = (await stat(file)).size;
    expect(size).toBeLessThan(600_000);
    console.info(`one-file deck: ${(size / 1024).toFixed(0)} KiB, ${faces} font faces`);
  });

  it("presents in Chromium with no request to anything outside itself", async () => {
    const page = await browser.newPage();
    const url = pathToFileURL(file).href;
    const outside: string[] = [];
    try {
      await page.setRequestInterception(true);
      page.on("request", (request) => {
        const u = request.url();
        if (u.startsWith("data:") || u.split(/[?#]/)[0] === url) return void request.continue();
        outside.push(u);
        void request.abort();
      });
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(url, { waitUntil: "load" });
      await page.waitForFunction(() =>
        (window as unknown as { Reveal?: Reveal }).Reveal?.isReady(),
      );
      const fonts = await page.evaluate(async () => {
        await document.fonts.ready;
        return document.fonts.check('600 26px "Source Sans 3"');
      });
      expect(fonts).toBe(true);
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      const index = await page.evaluate(
        () => (window as unknown as { Reveal: Reveal }).Reveal.getIndices().h,
      );
      expect(index).toBe(2);
      const image = await page.$eval(
        "#event-1 img",
        (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth,
      );
      expect(image).toBeGreaterThan(0);

      // The speaker view opens in its own window and shows the current slide's notes.
      await page.keyboard.press("ArrowRight");
      // Its requests are watched too: its iframes load the same file, nothing else.
      const speakerRequests: string[] = [];
      const opened = new Promise<Page | null>((resolve) =>
        browser.once("targetcreated", async (target: Target) => {
          const popup = await target.page();
          popup?.on("request", (request) => speakerRequests.push(request.url()));
          resolve(popup);
        }),
      );
      await page.keyboard.press("s");
      const speaker = await opened;
      await speaker?.waitForFunction(
        () => document.querySelector(".speaker-controls-notes .value")?.textContent?.trim(),
        { timeout: 15_000 },
      );
      const notes = await speaker?.$eval(".speaker-controls-notes .value", (el) => el.textContent);
      expect(notes).toContain("benchmark analysts measure");
      expect(outside).toEqual([]);
      expect(speakerRequests.length).toBeGreaterThan(0);
      for (const u of speakerRequests)
        expect(u.split(/[?#]/)[0]).toMatch(/^(data:|about:)|\.html$/);
      expect(
        speakerRequests.filter((u) => u.startsWith("file:")).map((u) => u.split("?")[0]),
      ).toEqual(speakerRequests.filter((u) => u.startsWith("file:")).map(() => url));
    } finally {
      for (const p of await browser.pages()) await p.close().catch(() => {});
    }
  });
});
