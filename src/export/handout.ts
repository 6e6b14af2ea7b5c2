import { copyFile, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer";
import type { PageLender } from "../browser/deck-page.js";
import { printToPdf } from "../browser/print-to-pdf.js";
import { inStep, stepLimit } from "../browser/step.js";
import { fill, type Piece } from "../labels/phrase.js";
import type { Deck } from "../model/deck.js";
import { buildHandout } from "../model/handout.js";
import type { OutlineEntry } from "../model/outline.js";
import { customThemePath, deckPolicy } from "../render/render-deck.js";
import { builtRenderInputs, type RenderInputs } from "../render/render-inputs.js";
import { templatesDir } from "../render/templates.js";
import { fallbackFamily } from "./fallback-font.js";
import { type MarginFont, marginFonts, noteFonts } from "./margin-fonts.js";
import type { Output } from "./outputs.js";
import { finishPdf, type PdfExtras, type PrintOptions } from "./pdf.js";
import { pdfPageCount } from "./pdf-update.js";

// The text width of an A4 page with the margins handout.css gives it, in CSS pixels.
const textWidthPx = Math.round(((210 - 36) / 25.4) * 96);
const textHeightPx = ((297 - 24 - 22) / 25.4) * 96;
// Twice what a slide of the PDF gets (see pdf.ts): a sheet holds the slide and its notes.
const timeoutPerSheet = 300;

/**
 * Prints the handout: one A4 portrait sheet per slide, the slide on top at reduced size (the
 * deck's own markup, so text stays text and links stay links), its speaker notes and its
 * sources in full below; long notes continue on the next page. The classification banner, the
 * title and "Page n of m" are in the page margins, so they are on every page.
 */
export async function printHandout(
  pages: PageLender,
  deck: Deck,
  folder: string,
  extras: PdfExtras,
  /** The project's own theme, relative to `folder`, laid over the built-in one. */
  customTheme?: string,
  options: PrintOptions = {},
  inputs: RenderInputs = builtRenderInputs(),
): Promise<Uint8Array> {
  const handout = buildHandout(deck);
  const sheets = handout.sheets;
  const htmlFile = path.join(folder, ".handout.html");
  const cssFile = path.join(folder, "theme", "handout.css");
  const html = inputs.template("handout.hbs")({
    ...handout,
    customTheme,
    policy: deckPolicy({}, inputs),
  });
  const notesFonts = await noteFonts(
    html,
    await readFile(path.join(folder, "index.html"), "utf8").catch(() => ""),
  );
  await writeFile(htmlFile, html);
  await copyFile(path.join(templatesDir, "theme", "handout.css"), cssFile);
  try {
    const { bytes, sheetPages } = await pages.withPage(
      { ...options, folder },
      async (page) => {
        const { banner, heights } = await inStep(
          page,
          "printing the handout",
          options.timeout,
          async () => {
            await page.setViewport({ width: textWidthPx, height: 1000 });
            await page.emulateMediaType("print");
            await page.goto(pathToFileURL(htmlFile).href, { waitUntil: "load" });
            await loadFonts(page, notesFonts, fallbackFamily);
            await page.evaluate(() => document.fonts.ready.then(() => undefined));
            return page.evaluate(() => {
              // The margins are drawn apart from the page: they take its banner's colours as
              // the themes and the config file made them.
              const bar = document.querySelector(".banner");
              const style = bar && getComputedStyle(bar);
              return {
                banner: bar && {
                  text: bar.textContent ?? "",
                  background: style?.backgroundColor,
                  ink: style?.color,
                  tlp: bar.classList.contains("banner--tlp"),
                },
                heights: [...document.querySelectorAll(".sheet")].map(
                  (s) => s.getBoundingClientRect().height,
                ),
              };
            });
          },
        );
        const margin = inputs.template("handout-margin.hbs");
        const context = { ...deck, ...marginWords(deck), banner };
        const fonts = await marginFonts(
          [margin({ ...context, top: true }), margin(context)]
            .map((html) => html.replace(/<style>[\s\S]*<\/style>/, "").replace(/<[^>]*>/g, ""))
            .join(""),
          deck.language,
        );
        const allowance = timeoutPerSheet * sheets.length;
        const margins = {
          headerTemplate: margin({ ...context, fonts, top: true }),
          footerTemplate: margin({ ...context, fonts }),
        };
        const bytes = await inStep(
          page,
          "printing the handout",
          options.timeout,
          async () => {
            await loadFonts(page, fonts);
            return printToPdf(page, stepLimit(options.timeout, allowance), margins);
          },
          { allowance },
        );
        // Where each sheet starts, from its height: a sheet taller than a page runs on.
        const sheetPages = heights.map((h) => Math.max(1, Math.ceil((h - 1) / textHeightPx)));
        return { bytes, sheetPages };
      },
      // It sets the page's viewport and media for the handout, which a next use would inherit.
      { reuse: false },
    );
    const firstPage: number[] = [];
    sheetPages.reduce((page, count) => {
      firstPage.push(page);
      return page + count;
    }, 1);
    const total = sheetPages.reduce((a, b) => a + b, 0);
    const printed = pdfPageCount(bytes);
    // Bookmarks only when the measured layout is the printed one, so none points wrong.
    const outline = printed === total ? movePages(extras.outline, firstPage) : [];
    return await finishPdf(bytes, printed, {
      ...extras,
      outline,
      fingerprint: `${extras.fingerprint}\0handout\0${await readFile(htmlFile, "utf8")}`,
    });
  } finally {
    await rm(htmlFile, { force: true });
    await rm(cssFile, { force: true });
  }
}

/**
 * Loads the margins' fonts into the page, from the very URLs the margins name: Chrome draws a
 * margin at once, with a font of its @font-face only if one of that URL is already loaded.
 */
async function loadFonts(
  page: Page,
  fonts: MarginFont[],
  family = "Briefing Margin",
): Promise<void> {
  await page.evaluate(
    async (faces, family) => {
      await Promise.all(
        faces.map(async ({ weight, url, range }) => {
          const face = new FontFace(family, `url(${url})`, {
            weight,
            unicodeRange: range,
          });
          document.fonts.add(face);
          await face.load();
        }),
      );
    },
    fonts,
    family,
  );
}

/**
 * The margins' words: "Handout · As of …" and "Page n of m", whose numbers Chrome puts into
 * the spans it knows (`pageNumber`, `totalPages`).
 */
function marginWords(deck: Deck): {
  heading: Piece[];
  pageOf: { text: string; page?: boolean; total?: boolean }[];
} {
  return {
    heading: [{ text: `${deck.labels.handout}${deck.labels.separator}` }, ...deck.asOf],
    pageOf: fill(deck.labels.pageOf, { page: "", total: "" }).map((piece) => ({
      text: piece.text,
      page: piece.slot === "page",
      total: piece.slot === "total",
    })),
  };
}

function movePages(entries: readonly OutlineEntry[], firstPage: number[]): OutlineEntry[] {
  return entries.map((entry) => ({
    title: entry.title,
    page: firstPage[entry.page - 1] ?? entry.page,
    children: movePages(entry.children, firstPage),
  }));
}

/** `<name>-handout.pdf`: each slide with its notes and sources, on portrait pages. */
export const handoutOutput: Output<"handout"> = {
  kind: "handout",
  fileName: (name) => `${name}-handout.pdf`,
  wanted: (settings) => !!settings.handout,
  browser: true,
  async write({ pages, deck, folder, file, settings, extras, limits }) {
    const customTheme = settings.theme ? customThemePath : undefined;
    const bytes = await printHandout(pages, deck, folder, extras, customTheme, limits);
    await writeFile(file, bytes);
  },
};
