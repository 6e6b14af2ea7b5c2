import type { Browser } from "puppeteer";
import { browserFailure } from "./browser/browser.js";
import { BrowserSession } from "./browser/session.js";
import { BriefingError, type Problem } from "./errors.js";
import { checkLayout } from "./inspect/check-layout.js";
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
  /** Each page the browser opens must be done within this many milliseconds. */
  timeout?: number;
  /** Told things about the run as a whole, e.g. that the browser runs without its sandbox. */
  onNotice?: (message: string) => void;
}

/** What a check found in one brief. */
export interface CheckResult {
  file: string;
  /** Mistakes in the brief: it cannot be built. */
  problems: Problem[];
  /** What it builds with but likely should not: layout problems, events after the as-of date. */
  warnings: Problem[];
  /** Whether its slides were laid out in the browser: never for an invalid brief. */
  layoutChecked: boolean;
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
  // Ended, with its profile, however the check ends; on an interrupt it kills itself.
  await using session = new BrowserSession(options);
  let layoutSkipped: string | undefined;
  const results: CheckResult[] = [];
  for (const file of files) {
    const loaded = await loadBrief(file, options.look);
    const result: CheckResult = {
      file,
      problems: loaded.problems,
      warnings: [...loaded.warnings],
      layoutChecked: false,
    };
    results.push(result);
    if (!loaded.brief || !options.layout || layoutSkipped) continue;
    let started: Browser;
    try {
      started = await session.browser();
    } catch (error) {
      if (options.requireBrowser || !(error instanceof BriefingError)) throw error;
      layoutSkipped = error.message;
      continue;
    }
    const { deck, html } = renderBrief(loaded.brief, loaded.name, options.look ?? {});
    try {
      result.warnings.push(
        ...(await checkLayout(session, loaded, deck, html, options.look?.theme, options.timeout)),
      );
      result.layoutChecked = true;
    } catch (error) {
      const failure = browserFailure(error, started) ?? error;
      if (!(failure instanceof BriefingError)) throw failure;
      // Which brief: the rest of the batch is not checked.
      throw new BriefingError(failure.kind, `${file}: ${failure.message}`, {
        cause: failure.cause,
      });
    }
  }
  return { results, layoutSkipped };
}
