import path from "node:path";
import type { PageLender } from "../browser/deck-page.js";
import { lookAt, openPrintDocument, type PrintOptions } from "../export/pdf.js";
import { findSlideProblems, type SlideFindings } from "./in-page.js";

/**
 * Opens a deck's print document (see `writePrintDocument`), the layout the PDF gets, and
 * reports what each slide shows wrong: content that overflows or is cut off, images that do
 * not load, and characters no installed font draws. The page reads only the deck's own files.
 */
export async function inspectDeck(
  pages: PageLender,
  printFile: string,
  options: PrintOptions = {},
): Promise<SlideFindings[]> {
  return pages.withPage({ ...options, folder: path.dirname(printFile) }, async (page) => {
    await openPrintDocument(page, printFile, options.timeout);
    return lookAt(page, options.timeout, () => page.evaluate(findSlideProblems));
  });
}
