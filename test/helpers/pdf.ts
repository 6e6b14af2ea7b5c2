import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** The PDF's text, page by page, read back with poppler's pdftotext in reading order. */
export function pdfPages(file: string): string[] {
  const text = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], {
    encoding: "utf8",
  });
  const pages = text.split("\f");
  if (pages[pages.length - 1]?.trim() === "") pages.pop();
  return pages;
}

/** The PDF's document information as pdfinfo prints it. */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync("pdfinfo", ["-enc", "UTF-8", file], { encoding: "utf8" });
  return Object.fromEntries(
    out
      .split("\n")
      .filter((line) => line.includes(":"))
      .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]),
  );
}

/** The names of the fonts embedded in the PDF. */
export function pdfFonts(file: string): string[] {
  const out = execFileSync("pdffonts", [file], { encoding: "utf8" });
  return out
    .split("\n")
    .slice(2)
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0] as string);
}

/** One bookmark as poppler reads it: its title, the page it opens and its children. */
export interface Bookmark {
  title: string;
  page: number;
  children: Bookmark[];
}

/** The PDF's outline (bookmarks), read with poppler's pdftohtml. */
export function pdfOutline(file: string): Bookmark[] {
  const xml = execFileSync(
    "pdftohtml",
    ["-xml", "-stdout", "-i", "-q", "-f", "1", "-l", "1", file],
    {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    },
  );
  const start = xml.indexOf("<outline>");
  if (start < 0) return [];
  const root: Bookmark[] = [];
  const stack: Bookmark[][] = [];
  let level: Bookmark[] = root;
  for (const m of xml
    .slice(start)
    .matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (m[0] === "<outline>") {
      stack.push(level);
      level = stack.length === 1 ? root : (level[level.length - 1]?.children ?? level);
    } else if (m[0] === "</outline>") {
      level = stack.pop() ?? root;
      if (stack.length === 0) break;
    } else {
      level.push({ title: unescapeXml(m[2] as string), page: Number(m[1]), children: [] });
    }
  }
  return root;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** A link on a page: to a web address, or to a page of the same PDF (1-based). */
export type PdfLink = { uri: string } | { page: number };

/**
 * Every link annotation, page by page, with named destinations resolved to the page they open,
 * read with pdf-lib.
 */
export async function pdfLinks(file: string): Promise<PdfLink[][]> {
  const { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString } = await import(
    "pdf-lib"
  );
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const pages = pdf.getPages();
  const pageOf = new Map(pages.map((p, i) => [p.ref.toString(), i + 1]));
  const named = pdf.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  const text = (o: unknown) =>
    o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : String(o);
  const destPage = (dest: unknown): number => {
    let d = dest instanceof PDFRef ? pdf.context.lookup(dest) : dest;
    if (d instanceof PDFName || d instanceof PDFString || d instanceof PDFHexString) {
      const key = d instanceof PDFName ? d.decodeText() : d.decodeText();
      d = named?.lookup(PDFName.of(key));
    }
    if (d instanceof PDFDict) d = d.lookup(PDFName.of("D"));
    if (!(d instanceof PDFArray)) return 0;
    return pageOf.get(String(d.get(0))) ?? 0;
  };
  return pages.map((page) =>
    (page.node.Annots()?.asArray() ?? []).flatMap((ref): PdfLink[] => {
      const annot = pdf.context.lookup(ref, PDFDict);
      if (annot.lookup(PDFName.of("Subtype"))?.toString() !== "/Link") return [];
      const action = annot.lookupMaybe(PDFName.of("A"), PDFDict);
      const uri = action?.lookup(PDFName.of("URI"));
      if (uri) return [{ uri: text(uri) }];
      return [{ page: destPage(annot.get(PDFName.of("Dest")) ?? action?.get(PDFName.of("D"))) }];
    }),
  );
}

/** The text of the PDF's structure tree (its tags), as poppler's pdfinfo prints it. */
export function pdfStructText(file: string): string {
  return execFileSync("pdfinfo", ["-struct-text", file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
    maxBuffer: 1 << 28,
  });
}

/** The alternative texts (`/Alt`) of the PDF's tagged structure, in the order they are stored. */
export async function pdfAltTexts(file: string): Promise<string[]> {
  const { PDFDict, PDFName, PDFString, PDFHexString } = await import("pdf-lib");
  const pdf = await PDFDocument(file);
  const alts: string[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const alt = object.lookup(PDFName.of("Alt"));
    if (alt instanceof PDFString || alt instanceof PDFHexString) alts.push(alt.decodeText());
  }
  return alts;
}

async function PDFDocument(file: string) {
  const { PDFDocument } = await import("pdf-lib");
  return PDFDocument.load(readFileSync(file), { updateMetadata: false });
}
