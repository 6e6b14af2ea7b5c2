import type { Browser } from "puppeteer";
import { launchBrowser } from "../../src/browser/browser.js";
import { findBrowser } from "../../src/browser/find-browser.js";

/** Starts the same real Chromium the tool uses. */
export async function startBrowser(): Promise<Browser> {
  return launchBrowser(await findBrowser(undefined));
}
