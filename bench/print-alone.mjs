// What every floor does with a print document: the browser alone opens it, waits for its fonts
// and prints it, as a minimal script would, with none of briefing's code.
import { pathToFileURL } from "node:url";

/** The PDF of a print document (`.print.html`), printed in `page`. */
export async function printAlone(page, html) {
  await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.pdf({ preferCSSPageSize: true, printBackground: true });
}
