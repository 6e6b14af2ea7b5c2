import type { Browser, Page } from "puppeteer";
import { BriefingError } from "../errors.js";
import type { FoundBrowser } from "./find-browser.js";

// Headless Chromium with nothing reaching out on its own: no updates, sync or metrics.
const quietArgs = [
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--no-first-run",
  "--no-default-browser-check",
  "--metrics-recording-only",
  "--mute-audio",
  "--font-render-hinting=none",
];

/** True when Chromium must run without its sandbox, which it refuses to use as root. */
export function needsNoSandbox(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** Launches the browser headless. The caller owns it and must close it. */
export async function launchBrowser(found: FoundBrowser): Promise<Browser> {
  const { default: puppeteer } = await import("puppeteer");
  const args = [...quietArgs];
  if (needsNoSandbox()) args.push("--no-sandbox");
  try {
    return await puppeteer.launch({
      executablePath: found.executablePath,
      headless: true,
      args,
      // Our own Ctrl-C handling closes the browser; Puppeteer's would race it.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    throw new BriefingError(
      "environment",
      `could not start the browser at ${found.executablePath} (found by ${found.from}): ${(error as Error).message.split("\n")[0]}`,
      { cause: error },
    );
  }
}

/** Runs `fn` with a new page and always closes the page afterwards. */
export async function withPage<T>(browser: Browser, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  try {
    return await fn(page);
  } finally {
    await page.close().catch(() => {});
  }
}
