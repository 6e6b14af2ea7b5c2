import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, HTTPRequest, Page } from "puppeteer";
import { inside } from "../inside-folder.js";
import { inTurn } from "./front.js";
import { inStep, protocolGrace, stepLimit } from "./step.js";

/** How a page that shows one deck's files may behave. */
export interface GuardOptions {
  /** The deck's folder: the only files the page may read. */
  folder: string;
  /** The user's `--timeout`, in ms: the limit of each step of the page (see `stepLimit`). */
  timeout?: number;
  /** Told every request the page tried and was refused (network, or a file outside `folder`). */
  onBlocked?: (url: string) => void;
}

declare global {
  interface Window {
    __briefingBlocked?: string[];
  }
}

/** How a lender lends a page. */
export interface LendOptions {
  /**
   * Keep the page for the next use if `fn` left it in good order (see `BrowserSession.withPage`):
   * only for a use that leaves the page's settings (viewport, media) as it found them.
   */
  reuse?: boolean;
}

/** Lends guarded pages of one browser: a run's `BrowserSession`. */
export interface PageLender {
  /**
   * Runs `fn` with a page that may read only `data:` URLs and the files inside
   * `options.folder`, and closes it (or keeps it, with `reuse`) afterwards.
   */
  withPage<T>(
    options: GuardOptions,
    fn: (page: Page) => Promise<T>,
    lend?: LendOptions,
  ): Promise<T>;
}

/** What the guard of a page allows now, and whom it tells of the rest. */
interface Guard {
  allowed: (url: string) => boolean;
  report: (url: string) => void;
}

/**
 * A page whose every request passes the guard of its current use: it may read only `data:` URLs
 * and the files inside the use's folder (symlinks resolved); every other request is aborted and
 * reported, and so is everything the deck's Content-Security-Policy refused before it became a
 * request (WebSocket, fetch, CSS imports). Between uses its guard allows nothing.
 */
export class GuardedPage {
  // The request handler is installed once, when the page opens, and asks this at each request.
  private guard?: Guard;

  private constructor(readonly page: Page) {}

  /** Opens a new guarded page in `browser`, within the step's limit (see `inStep`). */
  static open(browser: Browser, timeout: number | undefined): Promise<GuardedPage> {
    // A page that opens after its step timed out is closed as it arrives, or it would stay open
    // for the rest of the batch.
    // A new tab comes to the front, and would hide one that is having its pictures drawn.
    return inTurn(browser, () =>
      inStep(browser, "opening a page", timeout, () => GuardedPage.create(browser), {
        dispose: (late) => late.page.close(),
      }),
    );
  }

  private static async create(browser: Browser): Promise<GuardedPage> {
    // A tab: pages are used two at a time, and a tab behind another is hidden, which stops its
    // animation frames and timers; nothing the pages open waits for either (print documents
    // and handouts have no scripts). A window of its own for each costs Chromium more to open
    // and print a deck, which shows in a batch (see docs/performance.md).
    const guarded = new GuardedPage(await browser.newPage());
    try {
      await guarded.install();
    } catch (error) {
      await guarded.page.close().catch(() => {});
      throw error;
    }
    return guarded;
  }

  /**
   * Runs `fn` with the page guarded by `options`, and reports what it refused. It rejects if
   * `fn` does, and the page is then not fit for another use.
   */
  async use<T>(options: GuardOptions, fn: (page: Page) => Promise<T>): Promise<T> {
    const { page } = this;
    const report = options.onBlocked ?? (() => {});
    this.guard = { allowed: fileFilter(options.folder), report };
    // Puppeteer's own limits are a backstop: each step's, which names it, comes first.
    page.setDefaultTimeout(stepLimit(options.timeout) + protocolGrace);
    page.setDefaultNavigationTimeout(stepLimit(options.timeout) + protocolGrace);
    let inGoodOrder = false;
    try {
      const result = await fn(page);
      inGoodOrder = true;
      return result;
    } finally {
      // Read and emptied, so that a next use that fails before it opens a document of its own
      // does not report this one's refusals again. A page that failed may not answer, and its
      // use failed anyway.
      const refused = inGoodOrder
        ? await page
            .evaluate(() => window.__briefingBlocked?.splice(0) ?? [])
            .catch(() => [] as string[])
        : [];
      for (const url of refused) report(url);
      this.guard = undefined;
    }
  }

  private async install(): Promise<void> {
    const { page } = this;
    await page.setRequestInterception(true);
    page.on("request", (request: HTTPRequest) => {
      const url = request.url();
      const { guard } = this;
      if (url.startsWith("data:") || url === "about:blank" || guard?.allowed(url)) {
        request.continue().catch(() => {});
      } else {
        guard?.report(url);
        request.abort("blockedbyclient").catch(() => {});
      }
    });
    await page.evaluateOnNewDocument(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        window.__briefingBlocked ??= [];
        window.__briefingBlocked.push(event.blockedURI || event.violatedDirective);
      });
    });
  }
}

/** A test for `file:` URLs: true for files inside `folder`, after resolving symlinks. */
export function fileFilter(folder: string): (url: string) => boolean {
  const roots = [path.resolve(folder)];
  try {
    roots.push(realpathSync(folder));
  } catch {
    // A folder that does not exist holds nothing to allow.
  }
  return (url) => {
    if (!url.startsWith("file:")) return false;
    let file: string;
    try {
      file = fileURLToPath(url.replace(/[?#].*$/s, ""));
    } catch {
      return false;
    }
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      // Not there, so nothing is read: let it fail as a missing file, not as a blocked one.
      return roots.some((root) => inside(root, path.resolve(file)));
    }
    return inside(roots.at(-1) as string, real);
  };
}
