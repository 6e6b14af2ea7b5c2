import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PageLender } from "../browser/deck-page.js";
import { blockedRequest, type Problem } from "../errors.js";
import { writeDeckFiles } from "../export/deck-files.js";
import { writePrintDocument } from "../export/pdf.js";
import { onInterrupt } from "../interrupt.js";
import type { LoadedBrief } from "../load/load-brief.js";
import type { Deck } from "../model/deck.js";
import { inspectDeck } from "./inspect-deck.js";
import { layoutProblems } from "./layout-problems.js";

/**
 * Lays out a rendered deck in the browser, as it prints, and returns its layout problems, and the requests
 * it made that were refused. The deck is written to a temporary folder, which is always removed.
 */
export async function checkLayout(
  pages: PageLender,
  loaded: LoadedBrief,
  deck: Deck,
  html: string,
  theme?: string,
  timeout?: number,
): Promise<Problem[]> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "briefing-check-"));
  const forget = onInterrupt(() => rmSync(folder, { recursive: true, force: true }));
  try {
    await writeDeckFiles(folder, html, loaded.images, theme);
    const printFile = await writePrintDocument({ deck, folder, customTheme: !!theme });
    const blocked = new Set<string>();
    const findings = await inspectDeck(pages, printFile, {
      timeout,
      onBlocked: (url) => blocked.add(url),
    });
    return [
      ...layoutProblems(findings, deck, loaded),
      ...[...blocked].map((url) => blockedRequest(loaded.file, url)),
    ];
  } finally {
    await rm(folder, { recursive: true, force: true });
    forget();
  }
}
