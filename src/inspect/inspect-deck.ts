import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer";
import { withGuardedPage } from "../browser/guard-page.js";
import type { PrintOptions } from "../export/pdf.js";
import { findSlideProblems, type SlideFindings } from "./in-page.js";

declare global {
  interface Window {
    __briefingInspectReady?: boolean;
  }
}

/**
 * Opens a written deck in reveal's print view, the layout the PDF gets, and reports what each
 * slide shows wrong: content that overflows or is cut off, images that do not load, and
 * characters no installed font draws. The page reads only the deck's own files.
 */
export async function inspectDeck(
  browser: Browser,
  htmlFile: string,
  options: PrintOptions = {},
): Promise<SlideFindings[]> {
  const timeout = options.timeout ?? 60_000;
  return withGuardedPage(browser, { ...options, folder: path.dirname(htmlFile) }, async (page) => {
    await page.setViewport({ width: 1280, height: 720 });
    // Reveal announces the finished print layout once; listen before the page exists.
    await page.evaluateOnNewDocument(() => {
      window.addEventListener(
        "pdf-ready",
        () => {
          window.__briefingInspectReady = true;
        },
        true,
      );
    });
    await page.goto(`${pathToFileURL(htmlFile).href}?print-pdf`, { waitUntil: "load", timeout });
    await page.waitForFunction(() => window.__briefingInspectReady === true, { timeout });
    return page.evaluate(findSlideProblems);
  });
}
