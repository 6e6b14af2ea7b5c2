// The floor for a full build: the same browser, started the same way, printing the same built
// deck, with none of briefing's own work. Usage: node bench/floor.mjs <index.html> <out.pdf>
import { writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { launchBrowser } from "../lib/browser/browser.js";
import { findBrowser } from "../lib/browser/find-browser.js";

const [html, out] = process.argv.slice(2);
const browser = await launchBrowser(await findBrowser(undefined));
try {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(() => {
    window.addEventListener(
      "pdf-ready",
      () => {
        window.__ready = true;
      },
      true,
    );
  });
  await page.goto(`${pathToFileURL(html).href}?print-pdf`, { waitUntil: "load" });
  await page.waitForFunction(() => window.__ready === true);
  await writeFile(out, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
} finally {
  await browser.close();
}
