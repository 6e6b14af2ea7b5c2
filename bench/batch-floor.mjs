// The floor for a batch: one browser printing the print documents of a batch, as many at a time
// as the build would (one page per core), with none of briefing's own work: no YAML, no
// rendering, no files written but the PDFs. Usage:
// node bench/batch-floor.mjs <out-dir> <doc.print.html>...

import { writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { launchBrowser } from "../lib/browser/browser.js";
import { findBrowser } from "../lib/browser/find-browser.js";
import { printAlone } from "./print-alone.mjs";

const [out, ...documents] = process.argv.slice(2);
const browser = await launchBrowser(await findBrowser(undefined));
try {
  const queue = documents.entries();
  const worker = async () => {
    const page = await browser.newPage();
    for (const [i, html] of queue) {
      const pdf = await printAlone(page, html);
      await writeFile(path.join(out, `${i}.pdf`), pdf);
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() }, worker));
} finally {
  await browser.close();
}
