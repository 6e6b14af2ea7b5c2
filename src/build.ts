import { access, copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "puppeteer";
import { launchBrowser } from "./browser/browser.js";
import { findBrowser } from "./browser/find-browser.js";
import { BriefingError, type Problem } from "./errors.js";
import { writeDeckFiles } from "./export/deck-files.js";
import { printPdf } from "./export/pdf.js";
import { replaceFolder } from "./export/replace-folder.js";
import { inspectDeck } from "./inspect/inspect-deck.js";
import { layoutProblems } from "./inspect/layout-problems.js";
import { onInterrupt } from "./interrupt.js";
import { type LoadedBrief, loadBrief } from "./load/load-brief.js";
import type { Brief } from "./load/schema.js";
import { renderBrief } from "./render/render-brief.js";
import { parseDate, startOf } from "./timeline/date.js";

/** Settings for a build, already resolved from flags and defaults. */
export interface BuildOptions {
  outDir: string;
  pdf: boolean;
  browserPath?: string;
  /** The banner for briefs that have no classification of their own. */
  classification?: string;
  /** A CSS file laid over the built-in theme. */
  theme?: string;
}

/** What became of one brief. */
export interface BuildResult {
  file: string;
  name: string;
  problems: Problem[];
  /** Layout problems the browser saw (slides that overflow, images, fonts): built anyway. */
  warnings: Problem[];
  /** Set when the brief was built. */
  html?: string;
  pdf?: string;
}

/**
 * Builds each brief into `outDir/<name>/`. Invalid briefs are reported in their result and the
 * rest still build; failures of the machine (no browser, unwritable folder) are thrown. The
 * browser starts while the first brief is still being read, and serves the whole batch.
 */
export async function build(
  files: readonly string[],
  options: BuildOptions,
): Promise<BuildResult[]> {
  let browser: Promise<Browser> | undefined;
  const startBrowser = () => {
    browser ??= findBrowser(options.browserPath).then(launchBrowser);
    return browser;
  };
  if (options.pdf) startBrowser().catch(() => {});
  const forget = onInterrupt(() => {
    void browser?.then((b) => b.process()?.kill("SIGKILL")).catch(() => {});
  });
  try {
    await ensureFolder(options.outDir);
    const results: BuildResult[] = [];
    for (const file of files) {
      results.push(await buildOne(file, options, startBrowser));
    }
    return results;
  } finally {
    forget();
    const b = await browser?.catch(() => undefined);
    await b?.close().catch(() => {});
  }
}

async function buildOne(
  file: string,
  options: BuildOptions,
  browser: () => Promise<Browser>,
): Promise<BuildResult> {
  const loaded = await loadBrief(file);
  const result: BuildResult = {
    file,
    name: loaded.name,
    problems: loaded.problems,
    warnings: [],
  };
  if (!loaded.brief) return result;
  const brief = loaded.brief;
  const { deck, html } = renderBrief(brief, loaded.name, options);
  const target = path.join(options.outDir, loaded.name);
  const pdfName = `${loaded.name}.pdf`;
  await replaceFolder(target, async (tmp) => {
    await writeDeckFiles(tmp, html, loaded.images, options.theme);
    if (options.pdf) {
      // The browser is up for the PDF anyway: look at the slides the way `check` does, in a
      // page of its own while the PDF prints.
      const index = path.join(tmp, "index.html");
      const [findings, bytes] = await Promise.all([
        browser().then((b) => inspectDeck(b, index)),
        browser().then((b) => printPdf(b, index, pdfMetadata(brief, loaded))),
      ]);
      result.warnings = layoutProblems(findings, deck, loaded);
      await writeFile(path.join(tmp, pdfName), bytes);
    } else {
      // An HTML-only build leaves the PDF of an earlier build where it was.
      await copyFile(path.join(target, pdfName), path.join(tmp, pdfName)).catch(() => {});
    }
  });
  result.html = path.join(target, "index.html");
  if (options.pdf) result.pdf = path.join(target, pdfName);
  return result;
}

function pdfMetadata(brief: Brief, loaded: LoadedBrief) {
  const date = parseDate(brief.date);
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return {
    title: brief.title,
    author: brief.author,
    subject: brief.subtitle,
    keywords: Object.values(brief.timeline.categories ?? {}).map((c) => c.label),
    date:
      Number.isFinite(epoch) && epoch > 0
        ? new Date(epoch * 1000)
        : new Date("error" in date ? 0 : startOf(date)),
    name: loaded.name,
  };
}

async function ensureFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, 2);
  } catch (error) {
    throw new BriefingError(
      "environment",
      `cannot write to the output folder ${dir}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
