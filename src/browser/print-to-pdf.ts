import type { Page } from "puppeteer";
import { BriefingError } from "../errors.js";
import { protocolGrace } from "./step.js";

/** What a print adds to the page's own layout: a header and footer in the page margins. */
export interface PrintMargins {
  headerTemplate: string;
  footerTemplate: string;
}

/**
 * Prints the page as `page.pdf` does with the page size from its CSS, backgrounds and tags, and
 * no outline; but the print itself may take `limit` ms. `page.pdf` has Puppeteer wait for it
 * no longer than for any other call (its `protocolTimeout`, set at launch), and a big deck's
 * print takes longer than anything else, in proportion to its pages.
 */
export async function printToPdf(
  page: Page,
  limit: number,
  margins?: PrintMargins,
): Promise<Uint8Array> {
  const session = await page.createCDPSession();
  try {
    const { stream } = await session.send(
      "Page.printToPDF",
      {
        transferMode: "ReturnAsStream",
        landscape: false,
        scale: 1,
        pageRanges: "",
        preferCSSPageSize: true,
        printBackground: true,
        generateTaggedPDF: true,
        generateDocumentOutline: false,
        displayHeaderFooter: !!margins,
        headerTemplate: margins?.headerTemplate ?? "",
        footerTemplate: margins?.footerTemplate ?? "",
        // Puppeteer's defaults; the CSS page size and margins take their place.
        paperWidth: 8.5,
        paperHeight: 11,
        marginTop: 0,
        marginBottom: 0,
        marginLeft: 0,
        marginRight: 0,
      },
      { timeout: limit + protocolGrace },
    );
    if (!stream) throw new BriefingError("environment", "the browser did not produce a PDF");
    const chunks: Buffer[] = [];
    for (;;) {
      const { data, base64Encoded, eof } = await session.send("IO.read", { handle: stream });
      chunks.push(Buffer.from(data, base64Encoded ? "base64" : "utf8"));
      if (eof) break;
    }
    await session.send("IO.close", { handle: stream });
    return new Uint8Array(Buffer.concat(chunks));
  } finally {
    await session.detach().catch(() => {});
  }
}
