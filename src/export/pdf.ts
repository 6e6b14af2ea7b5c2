import { createHash } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer";
import { type GuardOptions, withGuardedPage } from "../browser/guard-page.js";
import { BriefingError } from "../errors.js";
import type { OutlineEntry } from "../model/outline.js";

/** What goes into the PDF's document information. */
export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords: string[];
  /** Used as creation and modification date, so the same brief gives the same metadata. */
  date: Date;
}

/** What the finished PDF carries beyond the printed pages. */
export interface PdfExtras {
  metadata: PdfMetadata;
  /** The bookmarks; see `deckOutline`. */
  outline: OutlineEntry[];
  /** Identifies this build's inputs; hashed into the file identifier, so rebuilds are identical. */
  fingerprint: string;
}

declare global {
  interface Window {
    __briefingPdfReady?: Promise<true>;
  }
}

// Chrome lays out the whole print document for every print call, page ranges or not, so one
// call is the fastest way to print a big deck (2,017 pages: 54 s in one call; 11.5 s for a
// range of 100 alone). What must not happen is a fixed timeout cutting it off: it grows with
// the deck.
const baseTimeout = 60_000;
const timeoutPerPage = 150;

/** Limits on a page that prints: how long it may take, and who is told of refused requests. */
export type PrintOptions = Omit<GuardOptions, "folder">;

/**
 * Prints a built deck to PDF: opens it in reveal's print view, waits for `pdf-ready` and the
 * fonts, prints one page per slide, tagged, checks the result and adds metadata and bookmarks.
 * The page reads only the deck's own files (see `withGuardedPage`).
 */
export async function printPdf(
  browser: Browser,
  htmlFile: string,
  extras: PdfExtras,
  options: PrintOptions = {},
): Promise<Uint8Array> {
  return (await printAndLook(browser, htmlFile, extras, options, async () => undefined)).pdf;
}

/**
 * Prints the deck like `printPdf`, and runs `look` on the laid-out print view in the same page
 * (a second page would load and lay the whole deck out again): after printing, while this
 * process finishes the PDF, so the two run at once.
 */
export async function printAndLook<T>(
  browser: Browser,
  htmlFile: string,
  extras: PdfExtras,
  options: PrintOptions,
  look: (page: Page) => Promise<T>,
): Promise<{ pdf: Uint8Array; seen: T }> {
  return withGuardedPage(
    browser,
    { ...options, folder: path.dirname(htmlFile) },
    async (page) => {
      const url = `${pathToFileURL(htmlFile).href}?print-pdf`;
      const { bytes, expectedPages } = await printPage(page, url, options.timeout);
      const [pdf, seen] = await Promise.all([finishPdf(bytes, expectedPages, extras), look(page)]);
      return { pdf, seen };
    },
    true,
  );
}

/**
 * Opens `url` (a deck with `?print-pdf`) and waits until reveal has laid out every slide for
 * print and the fonts are in. Reveal announces `pdf-ready` once, after `ready`: the listener is
 * registered before the page exists, and the wait is on its promise, not on polling.
 */
export async function openPrintView(page: Page, url: string, timeout: number): Promise<void> {
  const { identifier } = await page.evaluateOnNewDocument(() => {
    window.__briefingPdfReady = new Promise((resolve) => {
      window.addEventListener(
        "pdf-ready",
        () => document.fonts.ready.then(() => resolve(true)),
        true,
      );
    });
  });
  try {
    await page.goto(url, { waitUntil: "load", timeout });
  } finally {
    // The page may be used again for another deck.
    await page.removeScriptToEvaluateOnNewDocument(identifier).catch(() => {});
  }
  await page.waitForFunction(() => window.__briefingPdfReady, { timeout });
}

/** Opens `url` in reveal's print view and prints it as it is laid out there. */
export async function printPage(
  page: Page,
  url: string,
  timeout?: number,
): Promise<{ bytes: Uint8Array; expectedPages: number }> {
  preparePdfFinishing();
  await openPrintView(page, url, timeout ?? baseTimeout);
  const expectedPages = await page.$$eval(".pdf-page", (pages) => {
    // Reveal hides every slide but the current one from assistive technology, even in its
    // print view; Chrome would then leave them out of the PDF's tags. On paper all are shown.
    for (const slide of document.querySelectorAll(".slides section")) {
      for (const attribute of ["hidden", "aria-hidden", "inert"]) slide.removeAttribute(attribute);
    }
    return pages.length;
  });
  const bytes = await page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    tagged: true,
    // Bookmarks come from the deck model (see `deckOutline`), not from Chrome's headings.
    outline: false,
    timeout: timeout ?? baseTimeout + timeoutPerPage * expectedPages,
  });
  return { bytes, expectedPages };
}

let finishing: Promise<[typeof import("pdf-lib"), typeof import("./pdf-outline.js")]> | undefined;

/**
 * Starts loading what finishing a PDF needs (pdf-lib takes a while to load, and only builds
 * that print pay for it), so that it loads while the browser works.
 */
export function preparePdfFinishing(): typeof finishing {
  finishing ??= Promise.all([import("pdf-lib"), import("./pdf-outline.js")]);
  return finishing;
}

/** Checks the printed bytes, then sets metadata, bookmarks and a reproducible identifier. */
export async function finishPdf(
  bytes: Uint8Array,
  expectedPages: number,
  extras: PdfExtras,
): Promise<Uint8Array> {
  if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-") {
    throw new BriefingError("environment", "the browser did not produce a PDF");
  }
  const [{ PDFDocument, PDFHexString }, { writeOutline }] =
    await (preparePdfFinishing() as NonNullable<typeof finishing>);
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  if (pdf.getPageCount() !== expectedPages) {
    throw new BriefingError(
      "environment",
      `the PDF has ${pdf.getPageCount()} pages but the deck has ${expectedPages} slides`,
    );
  }
  const { metadata } = extras;
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) pdf.setAuthor(metadata.author);
  if (metadata.subject) pdf.setSubject(metadata.subject);
  pdf.setKeywords([metadata.keywords.join(", ")]);
  pdf.setCreator("briefing");
  pdf.setProducer("briefing (Chromium, pdf-lib)");
  pdf.setCreationDate(metadata.date);
  pdf.setModificationDate(metadata.date);
  writeOutline(pdf, extras.outline);
  const id = PDFHexString.of(
    createHash("sha256").update(extras.fingerprint).digest("hex").slice(0, 32),
  );
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
  return pdf.save();
}
