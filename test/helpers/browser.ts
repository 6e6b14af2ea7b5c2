import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer";
import { launchBrowser } from "../../src/browser/browser.js";
import { findBrowser } from "../../src/browser/find-browser.js";

/** Starts the same real Chromium the tool uses. */
export async function startBrowser(): Promise<Browser> {
  return launchBrowser(await findBrowser(undefined));
}

/**
 * Opens a built deck and waits until reveal is ready; in print view, until reveal's
 * `pdf-ready`, which comes after `ready` once every slide is laid out.
 */
export async function openDeck<T>(
  browser: Browser,
  htmlFile: string,
  fn: (page: Page) => Promise<T>,
  options: { print?: boolean; before?: (page: Page) => void } = {},
): Promise<T> {
  const page = await browser.newPage();
  try {
    options.before?.(page);
    await page.setViewport({ width: 1280, height: 720 });
    await page.evaluateOnNewDocument(() => {
      window.addEventListener(
        "pdf-ready",
        () => document.documentElement.setAttribute("data-test-pdf-ready", ""),
        true,
      );
    });
    await page.goto(pathToFileURL(htmlFile).href + (options.print ? "?print-pdf" : ""), {
      waitUntil: "load",
    });
    await page.waitForFunction(() =>
      (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady(),
    );
    if (options.print) await page.waitForSelector("html[data-test-pdf-ready]");
    return await fn(page);
  } finally {
    await page.close();
  }
}
