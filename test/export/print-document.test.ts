import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { tempDir } from "../helpers/temp.js";

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Each page of a PDF as raw pixels (PPM), at 96 dpi: a CSS pixel is a pixel. */
function pagePixels(pdf: string, folder: string, prefix: string): Buffer[] {
  execFileSync("pdftoppm", ["-r", "96", pdf, path.join(folder, prefix)]);
  return readdirSync(folder)
    .filter((name) => name.startsWith(`${prefix}-`) && name.endsWith(".ppm"))
    .sort()
    .map((name) => readFileSync(path.join(folder, name)));
}

describe("the document a PDF is printed from", () => {
  for (const brief of [
    "briefings/putin-kim-summit-2024.yaml",
    "briefings/us-north-korea-summits-2018-2019.yaml",
    "test/fixtures/valid/with-images.yaml",
  ]) {
    it(`prints ${path.basename(brief)} exactly as reveal's own print view does`, async () => {
      const out = await tempDir("print-document");
      const [result] = await build([brief], { outDir: out, pdf: true });
      expect(result?.problems).toEqual([]);
      const revealPdf = path.join(out, "reveal.pdf");
      await openDeck(
        browser,
        result?.html as string,
        async (page) => {
          for (const slide of await page.$$(".slides section")) {
            await slide.evaluate((s) => s.removeAttribute("aria-hidden"));
          }
          const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
          writeFileSync(revealPdf, bytes);
        },
        { print: true },
      );
      const ours = pagePixels(result?.pdf as string, out, "ours");
      const reveals = pagePixels(revealPdf, out, "reveal");
      expect(ours.length).toBe(reveals.length);
      const differing = ours.flatMap((page, i) =>
        page.equals(reveals[i] as Buffer) ? [] : [i + 1],
      );
      expect(differing).toEqual([]);
    });
  }
});
