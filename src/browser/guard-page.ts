import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, HTTPRequest, Page } from "puppeteer";

/** How a page that shows one deck's files may behave. */
export interface GuardOptions {
  /** The deck's folder: the only files the page may read. */
  folder: string;
  /** Overrides every wait and print timeout of the page, in milliseconds. */
  timeout?: number;
  /** Told every request the page tried and was refused (network, or a file outside `folder`). */
  onBlocked?: (url: string) => void;
}

declare global {
  interface Window {
    __briefingBlocked?: string[];
  }
}

/**
 * Runs `fn` with a new page that may read only `data:` URLs and the files inside `folder`
 * (symlinks resolved): every other request is aborted and reported, and so is everything the
 * deck's Content-Security-Policy refused before it became a request (WebSocket, fetch, CSS
 * imports). The page is always closed.
 */
export async function withGuardedPage<T>(
  browser: Browser,
  options: GuardOptions,
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const page = await browser.newPage();
  const report = options.onBlocked ?? (() => {});
  try {
    if (options.timeout !== undefined) {
      page.setDefaultTimeout(options.timeout);
      page.setDefaultNavigationTimeout(options.timeout);
    }
    const allowed = fileFilter(options.folder);
    await page.setRequestInterception(true);
    page.on("request", (request: HTTPRequest) => {
      const url = request.url();
      if (url.startsWith("data:") || allowed(url)) {
        request.continue().catch(() => {});
      } else {
        report(url);
        request.abort("blockedbyclient").catch(() => {});
      }
    });
    await page.evaluateOnNewDocument(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        window.__briefingBlocked ??= [];
        window.__briefingBlocked.push(event.blockedURI || event.violatedDirective);
      });
    });
    try {
      return await fn(page);
    } finally {
      const refused = await page
        .evaluate(() => window.__briefingBlocked ?? [])
        .catch(() => [] as string[]);
      for (const url of refused) report(url);
    }
  } finally {
    await page.close().catch(() => {});
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
      return roots.some((root) => isInside(root, path.resolve(file)));
    }
    return isInside(roots.at(-1) as string, real);
  };
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}
