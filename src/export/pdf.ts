import { createHash } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer";
import type { GuardOptions, PageLender } from "../browser/deck-page.js";
import { printToPdf } from "../browser/print-to-pdf.js";
import { inStep, stepLimit } from "../browser/step.js";
import { BriefingError } from "../errors.js";
import { findSlideProblems } from "../inspect/in-page.js";
import { layoutProblems } from "../inspect/layout-problems.js";
import type { Deck } from "../model/deck.js";
import type { PdfExtras } from "../model/pdf-info.js";
import { renderPrint } from "../render/render-deck.js";
import type { RenderInputs } from "../render/render-inputs.js";
import type { Output } from "./outputs.js";
import { pdfPageCount, updatePdf } from "./pdf-update.js";

export type { PdfExtras, PdfMetadata } from "../model/pdf-info.js";

// Chrome lays out the whole print document for every print call, page ranges or not, so one
// call is the fastest way to print a big deck. What must not happen is a fixed timeout cutting
// it off: it grows with the deck (see `stepLimit`).
const timeoutPerPage = 150;

/** Limits on a page that prints: how long it may take, and who is told of refused requests. */
export type PrintOptions = Omit<GuardOptions, "folder">;

/** A deck built into `folder`, to print. */
export interface DeckToPrint {
  deck: Deck;
  folder: string;
  /** The folder holds the project's own theme (see `customThemePath`). */
  customTheme?: boolean;
  /** What the print document is rendered with (see `renderPrint`). */
  inputs?: RenderInputs;
}

/**
 * Writes the document a deck's PDF is printed from (see `renderPrint`) beside its index.html,
 * and returns its path. The caller removes it.
 */
export async function writePrintDocument(target: DeckToPrint): Promise<string> {
  const file = path.join(target.folder, ".print.html");
  await writeFile(
    file,
    renderPrint(target.deck, { customTheme: target.customTheme }, target.inputs),
  );
  return file;
}

/**
 * Opens a print document and waits for its images and fonts: it is then laid out as it prints.
 * `timeout` is the user's `--timeout` (see `stepLimit`).
 */
export async function openPrintDocument(page: Page, file: string, timeout?: number): Promise<void> {
  const url = pathToFileURL(file).href;
  await inStep(page, "opening the deck", timeout, () =>
    page.goto(url, { waitUntil: "domcontentloaded" }),
  );
  await inStep(
    page,
    "loading its images",
    timeout,
    () =>
      page.evaluate(async () => {
        if (document.readyState !== "complete") {
          await new Promise((loaded) => window.addEventListener("load", loaded, { once: true }));
        }
        await document.fonts.ready;
      }),
    { detail: () => page.evaluate(imagesLoading) },
  );
}

/** Runs in the page: the images not loaded yet, and the page each is on, in words. */
function imagesLoading(): string | undefined {
  const pages = [...document.querySelectorAll(".pdf-page")];
  const loading = [...document.images]
    .filter((img) => !img.complete)
    .map((img) => {
      const page = pages.indexOf(img.closest(".pdf-page") as Element) + 1;
      return `${img.getAttribute("src")}${page > 0 ? ` (page ${page})` : ""}`;
    });
  return loading.length > 0 ? loading.join(", ") : undefined;
}

/** Runs `look` at an open print document (see `openPrintDocument`), within its time limit. */
export function lookAt<T>(page: Page, timeout: number | undefined, look: () => Promise<T>) {
  return inStep(page, "laying out the slides", timeout, look);
}

/**
 * Prints a built deck to PDF: one page per slide, tagged, from a document that lays the slides
 * out as reveal's print view does (see `renderPrint`); checks the result and adds metadata and
 * bookmarks. The page reads only the deck's own files (see `GuardedPage`).
 */
export async function printPdf(
  pages: PageLender,
  target: DeckToPrint,
  extras: PdfExtras,
  options: PrintOptions = {},
): Promise<Uint8Array> {
  return (await printAndLook(pages, target, extras, options, async () => undefined)).pdf;
}

/**
 * Prints the deck like `printPdf`, and runs `look` in the same page (a second page would lay the
 * whole deck out again), before printing: printing lays the page out for print and back, and a
 * look after it would wait for the whole document to be laid out again. `alsoMake` then makes
 * what else is made from the laid-out page, in steps of its own (their time grows with the deck).
 */
export async function printAndLook<T>(
  pages: PageLender,
  target: DeckToPrint,
  extras: PdfExtras,
  options: PrintOptions,
  look: (page: Page) => Promise<T>,
  alsoMake?: (page: Page) => Promise<void>,
): Promise<{ pdf: Uint8Array; seen: T }> {
  const file = await writePrintDocument(target);
  try {
    return await pages.withPage(
      { ...options, folder: target.folder },
      async (page) => {
        await openPrintDocument(page, file, options.timeout);
        const seen = await lookAt(page, options.timeout, () => look(page));
        await alsoMake?.(page);
        const { bytes, expectedPages } = await printPage(page, options.timeout);
        return { pdf: await finishPdf(bytes, expectedPages, extras), seen };
      },
      // The page is left as it was found: fit for the next deck of a batch.
      { reuse: true },
    );
  } finally {
    await rm(file, { force: true });
  }
}

/** Prints an open print document, one page per slide. */
async function printPage(
  page: Page,
  timeout?: number,
): Promise<{ bytes: Uint8Array; expectedPages: number }> {
  const expectedPages = await inStep(page, "printing the PDF", timeout, () =>
    page.$$eval(".pdf-page", (pages) => pages.length),
  );
  const allowance = timeoutPerPage * expectedPages;
  const bytes = await inStep(
    page,
    "printing the PDF",
    timeout,
    () => printToPdf(page, stepLimit(timeout, allowance)),
    { allowance },
  );
  return { bytes, expectedPages };
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
  let pages: number;
  try {
    pages = pdfPageCount(bytes);
  } catch (error) {
    throw new BriefingError("environment", `the browser's PDF cannot be read: ${error}`, {
      cause: error,
    });
  }
  if (pages !== expectedPages) {
    throw new BriefingError(
      "environment",
      `the PDF has ${pages} pages but the deck has ${expectedPages} slides`,
    );
  }
  const { metadata } = extras;
  const info = {
    Title: metadata.title,
    Author: metadata.author,
    Subject: metadata.subject,
    Keywords: metadata.keywords.join(", "),
    Creator: "briefing",
    Producer: "briefing (Chromium)",
    CreationDate: metadata.date,
    ModDate: metadata.date,
  };
  const id = createHash("sha256").update(extras.fingerprint).digest("hex").slice(0, 32);
  return updatePdf(bytes, { info, outline: extras.outline, id });
}

/** `<name>.pdf`: the deck, a slide a page, its slides looked at as they are printed. */
export const pdfOutput: Output<"pdf"> = {
  kind: "pdf",
  fileName: (name) => `${name}.pdf`,
  wanted: (settings) => settings.pdf,
  browser: true,
  // An HTML-only build leaves the PDF of an earlier build where it was, and says so.
  keptWhenNotAsked: true,
  async write({
    pages,
    deck,
    folder,
    file,
    settings,
    extras,
    limits,
    loaded,
    laidOut,
    inPrintView,
  }) {
    // The pages are laid out for the PDF anyway: look at the slides there the way `check`
    // does, as they are printed, and make there what is made from that page (the pictures).
    const { pdf, seen } = await printAndLook(
      pages,
      { deck, folder, customTheme: !!settings.theme },
      extras,
      limits,
      (page) => page.evaluate(findSlideProblems),
      inPrintView,
    );
    laidOut(layoutProblems(seen, deck, loaded));
    await writeFile(file, pdf);
  },
};
