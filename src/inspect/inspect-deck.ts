import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer";
import { withPage } from "../browser/browser.js";
import { findSlideProblems, type SlideFindings } from "./in-page.js";

declare global {
  interface Window {
    __briefingInspectReady?: boolean;
  }
}

/**
 * Opens a written deck in reveal's print view, the layout the PDF gets, and reports what each
 * slide shows wrong: content that overflows or is cut off, images that do not load, and
 * characters no installed font draws.
 */
export async function inspectDeck(
  browser: Browser,
  htmlFile: string,
  timeout = 60_000,
): Promise<SlideFindings[]> {
  return withPage(browser, async (page) => {
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
