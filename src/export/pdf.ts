import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer";
import { withPage } from "../browser/browser.js";
import { BriefingError } from "../errors.js";

/** What goes into the PDF's document information. */
export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords: string[];
  /** Used as creation and modification date, so the same brief gives the same metadata. */
  date: Date;
}

declare global {
  interface Window {
    __briefingPdfReady?: boolean;
  }
}

/**
 * Prints a built deck to PDF: opens it in reveal's print view, waits for `pdf-ready` and the
 * fonts, prints one page per slide, checks the result and sets its metadata.
 */
export async function printPdf(
  browser: Browser,
  htmlFile: string,
  metadata: PdfMetadata,
  timeout = 60_000,
): Promise<Uint8Array> {
  const { bytes, expectedPages } = await withPage(browser, async (page) => {
    // Reveal announces the finished print layout once; listen before the page exists.
    await page.evaluateOnNewDocument(() => {
      window.addEventListener(
        "pdf-ready",
        () => {
          window.__briefingPdfReady = true;
        },
        true,
      );
    });
    const url = `${pathToFileURL(htmlFile).href}?print-pdf`;
    await page.goto(url, { waitUntil: "load", timeout });
    await page.waitForFunction(() => window.__briefingPdfReady === true, { timeout });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const expectedPages = await page.$$eval(".pdf-page", (pages) => pages.length);
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout });
    return { bytes, expectedPages };
  });
  return finishPdf(bytes, expectedPages, metadata);
}

async function finishPdf(
  bytes: Uint8Array,
  expectedPages: number,
  metadata: PdfMetadata,
): Promise<Uint8Array> {
  if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-") {
    throw new BriefingError("environment", "the browser did not produce a PDF");
  }
  // pdf-lib takes a while to load; only builds that print pay for it.
  const { PDFDocument } = await import("pdf-lib");
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  if (pdf.getPageCount() !== expectedPages) {
    throw new BriefingError(
      "environment",
      `the PDF has ${pdf.getPageCount()} pages but the deck has ${expectedPages} slides`,
    );
  }
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) pdf.setAuthor(metadata.author);
  if (metadata.subject) pdf.setSubject(metadata.subject);
  pdf.setKeywords([metadata.keywords.join(", ")]);
  pdf.setCreator("briefing");
  pdf.setProducer("briefing (Chromium, pdf-lib)");
  pdf.setCreationDate(metadata.date);
  pdf.setModificationDate(metadata.date);
  return pdf.save();
}
