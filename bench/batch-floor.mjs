// The floor for a batch: one browser printing the print documents of a batch, as many at a time
// as the build would (one page per core), with none of briefing's own work: no YAML, no
// rendering, no files written but the PDFs. Usage:
// node bench/batch-floor.mjs <out-dir> <doc.print.html>...

import { writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launchBrowser } from "../lib/browser/browser.js";
import { findBrowser } from "../lib/browser/find-browser.js";

const [out, ...documents] = process.argv.slice(2);
const browser = await launchBrowser(await findBrowser(undefined));
try {
  const queue = documents.entries();
  const worker = async () => {
    const page = await browser.newPage();
    for (const [i, html] of queue) {
      await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      await writeFile(path.join(out, `${i}.pdf`), pdf);
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() }, worker));
} finally {
  await browser.close();
}
