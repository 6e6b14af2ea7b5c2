import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, HTTPRequest, Page } from "puppeteer";
import { inside } from "../inside-folder.js";
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

/** What the guard of a page allows now, and whom it tells of the rest. */
interface Guard {
  allowed: (url: string) => boolean;
  report: (url: string) => void;
}

const guards = new WeakMap<Page, Guard>();
// Pages put back for the next use.
const idlePages = new WeakMap<Browser, Page[]>();

/**
 * Runs `fn` with a page that may read only `data:` URLs and the files inside `folder`
 * (symlinks resolved): every other request is aborted and reported, and so is everything the
 * deck's Content-Security-Policy refused before it became a request (WebSocket, fetch, CSS
 * imports). The page is closed afterwards; with `reuse`, a page that `fn` left in good order
 * is kept for the next call on the same browser instead, which saves Chromium a new page (a
 * few hundred milliseconds a deck in a batch). Between uses its guard allows nothing, and it
 * keeps its last document until the next use opens another: emptying it first (a navigation
 * to about:blank) cost a batch time on every deck, and a batch's pages live only as long as
 * the batch. `fn` must leave the page's settings (viewport, media) as it found them.
 */
export async function withGuardedPage<T>(
  browser: Browser,
  options: GuardOptions,
  fn: (page: Page) => Promise<T>,
  reuse = false,
): Promise<T> {
  const idle = idlePages.get(browser) ?? [];
  idlePages.set(browser, idle);
  let page = reuse ? idle.shift() : undefined;
  while (page?.isClosed()) page = idle.shift();
  // A page that opens after its step timed out is closed as it arrives, or it would stay open
  // for the rest of the batch.
  page ??= await inStep(browser, "opening a page", options.timeout, () => guardedPage(browser), {
    dispose: (late) => late.close(),
  });
  const report = options.onBlocked ?? (() => {});
  guards.set(page, { allowed: fileFilter(options.folder), report });
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
    guards.delete(page);
    if (reuse && inGoodOrder) idle.push(page);
    else await page.close().catch(() => {});
  }
}

/** A new page whose every request passes the guard it is given for each use. */
async function guardedPage(browser: Browser): Promise<Page> {
  // A tab: pages are used two at a time, and a tab behind another is hidden, which stops its
  // animation frames and timers; nothing the pages open waits for either (print documents and
  // handouts have no scripts). A window of its own for each costs Chromium more to open and
  // print a deck, which shows in a batch (see docs/performance.md).
  const page = await browser.newPage();
  try {
    await installGuard(page);
  } catch (error) {
    await page.close().catch(() => {});
    throw error;
  }
  return page;
}

/** Sends every request of `page` through the guard its current use sets (see `guards`). */
async function installGuard(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on("request", (request: HTTPRequest) => {
    const url = request.url();
    const guard = guards.get(page);
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
