import { type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from "pdf-lib";
import type { OutlineEntry } from "../model/outline.js";

/**
 * Writes `entries` as the PDF's outline (its bookmarks), every entry opening its page whole,
 * and asks viewers to show the bookmarks panel on opening.
 */
export function writeOutline(pdf: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const pages = pdf.getPages();
  const root = pdf.context.nextRef();
  const visible = addLevel(
    pdf,
    pages.map((p) => p.ref),
    entries,
    root,
  );
  pdf.context.assign(
    root,
    pdf.context.obj({
      Type: "Outlines",
      First: visible.first,
      Last: visible.last,
      Count: visible.count,
    }),
  );
  pdf.catalog.set(PDFName.of("Outlines"), root);
  pdf.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

/** Writes one level of entries under `parent`; returns its first and last item and their count. */
function addLevel(
  pdf: PDFDocument,
  pageRefs: PDFRef[],
  entries: readonly OutlineEntry[],
  parent: PDFRef,
): { first: PDFRef; last: PDFRef; count: number } {
  const refs = entries.map(() => pdf.context.nextRef());
  entries.forEach((entry, i) => {
    const ref = refs[i] as PDFRef;
    const page = pageRefs[entry.page - 1];
    if (!page)
      throw new Error(`outline entry "${entry.title}" points at missing page ${entry.page}`);
    const item = pdf.context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: parent,
      Dest: [page, "Fit"],
    });
    if (i > 0) item.set(PDFName.of("Prev"), refs[i - 1] as PDFRef);
    if (i < refs.length - 1) item.set(PDFName.of("Next"), refs[i + 1] as PDFRef);
    if (entry.children.length > 0) {
      // Children start folded: the timeline of a long deck would otherwise fill the panel.
      const level = addLevel(pdf, pageRefs, entry.children, ref);
      item.set(PDFName.of("First"), level.first);
      item.set(PDFName.of("Last"), level.last);
      item.set(PDFName.of("Count"), PDFNumber.of(-level.count));
    }
    pdf.context.assign(ref, item);
  });
  return { first: refs[0] as PDFRef, last: refs[refs.length - 1] as PDFRef, count: entries.length };
}
