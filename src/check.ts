import type { Browser } from "puppeteer";
import { launchBrowser } from "./browser/browser.js";
import { findBrowser } from "./browser/find-browser.js";
import { BriefingError, type Problem } from "./errors.js";
import { checkLayout } from "./inspect/check-layout.js";
import { onInterrupt } from "./interrupt.js";
import { loadBrief } from "./load/load-brief.js";
import { type LookSettings, renderBrief } from "./render/render-brief.js";

/** Settings for a check, already resolved from flags, the config file and defaults. */
export interface CheckOptions {
  /** Lay each valid brief out in the browser to find slides that overflow, broken images, missing fonts. */
  layout: boolean;
  /** Fail (rather than skip the layout check) when no browser can be started. */
  requireBrowser: boolean;
  browserPath?: string;
  /** How decks look: the project's default classification and theme. */
  look?: LookSettings;
}

/** What a check found in one brief. */
export interface CheckResult {
  file: string;
  /** Mistakes in the brief: it cannot be built. */
  problems: Problem[];
  /** Layout problems: it builds, but would look wrong. */
  warnings: Problem[];
}

/** The outcome of checking briefs; `layoutSkipped` says why no layout check ran, if it did not. */
export interface CheckReport {
  results: CheckResult[];
  layoutSkipped?: string;
}

/**
 * Validates each brief and, when asked, lays every valid one out in the real browser. The
 * browser starts only once a brief has passed validation, and serves them all.
 */
export async function check(files: readonly string[], options: CheckOptions): Promise<CheckReport> {
  let browser: Promise<Browser> | undefined;
  let layoutSkipped: string | undefined;
  const forget = onInterrupt(() => {
    void browser?.then((b) => b.process()?.kill("SIGKILL")).catch(() => {});
  });
  try {
    const results: CheckResult[] = [];
    for (const file of files) {
      const loaded = await loadBrief(file);
      const result: CheckResult = { file, problems: loaded.problems, warnings: [] };
      results.push(result);
      if (!loaded.brief || !options.layout || layoutSkipped) continue;
      browser ??= findBrowser(options.browserPath).then(launchBrowser);
      let started: Browser;
      try {
        started = await browser;
      } catch (error) {
        if (options.requireBrowser || !(error instanceof BriefingError)) throw error;
        layoutSkipped = error.message;
        continue;
      }
      const { deck, html } = renderBrief(loaded.brief, loaded.name, options.look ?? {});
      result.warnings = await checkLayout(started, loaded, deck, html, options.look?.theme);
    }
    return { results, layoutSkipped };
  } finally {
    forget();
    const b = await browser?.catch(() => undefined);
    await b?.close().catch(() => {});
  }
}
