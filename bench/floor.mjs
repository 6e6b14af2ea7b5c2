// The floor for a full build: the same browser, started the same way, printing the same built
// deck, with none of briefing's own work. Usage: node bench/floor.mjs <html> <out.pdf>, where
// <html> is a deck's index.html (printed from reveal's print view, once reveal says pdf-ready)
// or a print document (`.print.html`, printed as soon as it and its fonts are loaded).
import { writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { launchBrowser } from "../lib/browser/browser.js";
import { findBrowser } from "../lib/browser/find-browser.js";
import { printAlone } from "./print-alone.mjs";

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
  if (html.endsWith(".print.html")) {
    await writeFile(out, await printAlone(page, html));
  } else {
    await page.goto(`${pathToFileURL(html).href}?print-pdf`, { waitUntil: "load" });
    await page.waitForFunction(() => window.__ready === true);
    await writeFile(out, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  }
} finally {
  await browser.close();
}
