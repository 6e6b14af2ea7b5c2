import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer";
import { withGuardedPage } from "../browser/guard-page.js";
import { openPrintView, type PrintOptions } from "../export/pdf.js";
import { findSlideProblems, type SlideFindings } from "./in-page.js";

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
    await openPrintView(page, `${pathToFileURL(htmlFile).href}?print-pdf`, timeout);
    return page.evaluate(findSlideProblems);
  });
}
