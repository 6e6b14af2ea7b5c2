import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "puppeteer";
import { inTurn } from "../browser/front.js";
import { inStep } from "../browser/step.js";
import { findSlideProblems } from "../inspect/in-page.js";
import { layoutProblems } from "../inspect/layout-problems.js";
import type { Output } from "./outputs.js";
import { lookAt, openPrintDocument, writePrintDocument } from "./pdf.js";

/** The size of every picture, in pixels: what a chat or an email shows a slide at. */
export const pictureSize = { width: 1920, height: 1080 };

// About 120 ms a slide on this machine's two cores (docs/performance.md); twice that for a busy one.
const timeoutPerPicture = 250;

/** A picture's file name: its slide's number, zero-padded to the width of the count (01, 001). */
export function pictureName(index: number, count: number): string {
  const width = Math.max(2, String(count).length);
  return `${String(index + 1).padStart(width, "0")}.png`;
}

/**
 * Draws each page of an open print document (see `openPrintDocument`) into the folder `dir`
 * as a PNG of `pictureSize`: the browser draws the page at that size (text and lines sharp, not
 * an enlarged picture of it), as it lies in the document the PDF is printed from. Returns how
 * many it drew.
 */
export async function drawPages(page: Page, dir: string, timeout?: number): Promise<number> {
  await mkdir(dir);
  const boxes = await pageBoxes(page);
  // Brought to the front, where a tab draws, and kept there (see `inTurn`).
  await inTurn(page.browser(), () =>
    inStep(
      page,
      "drawing the slides' pictures",
      timeout,
      async () => {
        await page.bringToFront();
        try {
          for (const [index, box] of boxes.entries()) {
            await page.evaluate(showOnly, index);
            const file = path.join(dir, pictureName(index, boxes.length));
            await writeFile(file, await drawBox(page, box));
          }
        } finally {
          await page.evaluate(showAll).catch(() => {});
        }
      },
      { allowance: timeoutPerPicture * boxes.length },
    ),
  );
  return boxes.length;
}

/** A PNG of `pictureSize` of the box of the document, drawn at the scale that makes it so. */
function drawBox(page: Page, box: Box): Promise<Uint8Array> {
  const scale = pictureSize.width / box.width;
  return page.screenshot({
    type: "png",
    // A clip drawn at a scale, rather than a device scale factor: the page's viewport, which a
    // page lent for reuse must keep, stays as it was.
    clip: { x: box.x, y: box.y, width: box.width, height: pictureSize.height / scale, scale },
    captureBeyondViewport: true,
    // Compressed less: a third larger files, drawn in two thirds of the time.
    optimizeForSpeed: true,
  });
}

/** A page of the print document: where it starts, and how wide it is, in CSS pixels. */
interface Box {
  x: number;
  y: number;
  width: number;
}

/**
 * Where each page of the document is, in the coordinates a picture's clip is given in: the
 * document's, from the left of all it lays out. The page's own scroll position does not say that
 * in a right-to-left deck, which overflows the window to the left.
 */
async function pageBoxes(page: Page): Promise<Box[]> {
  const session = await page.createCDPSession();
  try {
    const { cssLayoutViewport: view } = await session.send("Page.getLayoutMetrics");
    return await page.$$eval(
      ".pdf-page",
      (pages, at) =>
        pages.map((each) => {
          const box = each.getBoundingClientRect();
          return { x: box.left + at.pageX, y: box.top + at.pageY, width: box.width };
        }),
      { pageX: view.pageX, pageY: view.pageY },
    );
  } finally {
    await session.detach().catch(() => {});
  }
}

/**
 * Runs in the page: skips drawing every page but the one at `index`, or a
 * picture of one page costs a drawing of the whole document (0.9 s a picture in a deck of 100
 * slides, 0.12 s so). Each page keeps its place and its layout, its height being its own. Done
 * once the page has drawn a frame with the change: a picture taken sooner was now and then of
 * the frame before, a blank page.
 */
function showOnly(index: number): Promise<void> {
  const pages = document.querySelectorAll<HTMLElement>(".pdf-page");
  pages.forEach((each, at) => {
    const drawn = at === index ? "" : "hidden";
    // Only the pages that change are styled again.
    if (each.style.contentVisibility !== drawn) each.style.contentVisibility = drawn;
  });
  // The first frame's callbacks run before it is drawn; the second's, after.
  return new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(() => drawn())));
}

/** Runs in the page: undoes `showOnly`, without waiting for a frame (the tab may be behind). */
function showAll(): void {
  for (const each of document.querySelectorAll<HTMLElement>(".pdf-page")) {
    each.style.contentVisibility = "";
  }
}

/**
 * `slides/01.png` …: a picture of each page of the PDF, for pasting into chats and emails. Made
 * in the PDF's own page when the PDF is printed too, else from the same print document in a
 * page of its own, where it looks at the slides as the PDF does.
 */
export const pngOutput: Output<"png"> = {
  kind: "png",
  fileName: () => "slides",
  wanted: (settings) => !!settings.png,
  browser: true,
  // Not kept, unlike the PDF: pictures of an older deck would be pasted as if they were this
  // one, one slide at a time, with nothing on them to say they are old.
  keptWhenNotAsked: false,
  async write({ pages, deck, folder, file, settings, limits, loaded, laidOut }) {
    const print = await writePrintDocument({ deck, folder, customTheme: !!settings.theme });
    try {
      await pages.withPage(
        { ...limits, folder },
        async (page) => {
          await openPrintDocument(page, print, limits.timeout);
          const seen = await lookAt(page, limits.timeout, () => page.evaluate(findSlideProblems));
          laidOut(layoutProblems(seen, deck, loaded));
          await drawPages(page, file, limits.timeout);
        },
        // Its viewport and media are left as they were.
        { reuse: true },
      );
    } finally {
      await rm(print, { force: true });
    }
  },
  fromPrintView: (page, { file, limits }) => drawPages(page, file, limits.timeout).then(() => {}),
};
