// Finishing Chrome's PDF by appending to it (an incremental update, PDF 1.7 § 7.5.6): the
// pages stay as Chrome wrote them, and new objects and a new cross-reference section follow.
// Reading the whole file into a PDF library and writing it out again took most of the time a
// build spends after printing. Chrome (Skia) writes a classic cross-reference table, one
// object per `obj … endobj`, and a page tree of plain dictionaries: that is all this reads.
import type { OutlineEntry } from "../model/outline.js";

/** The parts of a PDF this module reads: where each object is, the catalog and the pages. */
interface PdfLayout {
  text: string;
  offsets: Map<number, number>;
  size: number;
  root: number;
  /** Chrome's document information dictionary. */
  info?: number;
  xref: number;
  pages: number[];
}

/** What the update sets: document information, bookmarks and the file identifier. */
export interface PdfUpdate {
  info: Record<string, string | Date | undefined>;
  outline: readonly OutlineEntry[];
  /** 32 hex digits. */
  id: string;
}

/** Thrown when a PDF is not in the form Chrome writes. */
export class UnreadablePdf extends Error {}

/** The number of pages of a PDF Chrome printed. */
export function pdfPageCount(bytes: Uint8Array): number {
  return readLayout(bytes).pages.length;
}

/**
 * Appends `update` to Chrome's `bytes`: a new document information dictionary, the outline, a
 * catalog pointing at it, and the identifier in the new trailer. Chrome's own information
 * dictionary is blanked where it stands: it holds the time of printing (the same brief must
 * give the same bytes) and the browser's exact version.
 */
export function updatePdf(bytes: Uint8Array, update: PdfUpdate): Uint8Array {
  const layout = readLayout(bytes);
  const parts: string[] = [];
  let offset = bytes.length + 1;
  const written = new Map<number, number>();
  const write = (number: number, body: string) => {
    const object = `${number} 0 obj\n${body}\nendobj\n`;
    written.set(number, offset);
    parts.push(object);
    offset += Buffer.byteLength(object, "latin1");
  };
  let next = layout.size;
  const info = next++;
  write(info, dictionary(update.info));
  let catalog = objectBody(layout, layout.root).trim();
  if (update.outline.length > 0) {
    const root = next++;
    const items = update.outline.map(() => next++);
    const level = writeLevel(update.outline, items, root, layout.pages, () => next++, write);
    write(
      root,
      `<</Type /Outlines /First ${ref(level.first)} /Last ${ref(level.last)} /Count ${level.count}>>`,
    );
    catalog = `${catalog.replace(/>>$/, "")}\n/Outlines ${ref(root)}\n/PageMode /UseOutlines>>`;
  }
  write(layout.root, catalog);
  const numbers = [...written.keys()].sort((a, b) => a - b);
  let table = "xref\n";
  for (const run of runs(numbers)) {
    table += `${run[0]} ${run.length}\n`;
    for (const number of run)
      table += `${String(written.get(number)).padStart(10, "0")} 00000 n\r\n`;
  }
  const trailer = `trailer\n<</Size ${next} /Root ${ref(layout.root)} /Info ${ref(info)} /Prev ${layout.xref} /ID [<${update.id}> <${update.id}>]>>\nstartxref\n${offset}\n%%EOF\n`;
  const original = Buffer.from(withoutChromeInfo(layout), "latin1");
  return Buffer.concat([original, Buffer.from(`\n${parts.join("")}${table}${trailer}`, "latin1")]);
}

/** The file with Chrome's information dictionary emptied, its length (and every offset) kept. */
function withoutChromeInfo(layout: PdfLayout): string {
  if (layout.info === undefined) return layout.text;
  const start = layout.text.indexOf("obj", layout.offsets.get(layout.info)) + 3;
  const end = layout.text.indexOf("endobj", start);
  if (start < 3 || end < 0) return layout.text;
  const blank = `\n<<>>${" ".repeat(Math.max(0, end - start - 6))}\n`;
  return layout.text.slice(0, start) + blank.slice(0, end - start) + layout.text.slice(end);
}

/** Writes one level of outline entries (numbered `numbers`) under `parent`. */
function writeLevel(
  entries: readonly OutlineEntry[],
  numbers: number[],
  parent: number,
  pages: number[],
  allocate: () => number,
  write: (number: number, body: string) => void,
): { first: number; last: number; count: number } {
  entries.forEach((entry, i) => {
    const page = pages[entry.page - 1];
    if (page === undefined) {
      throw new Error(`outline entry "${entry.title}" points at missing page ${entry.page}`);
    }
    const keys = [`/Title ${textString(entry.title)}`, `/Parent ${ref(parent)}`];
    keys.push(`/Dest [${ref(page)} /Fit]`);
    if (i > 0) keys.push(`/Prev ${ref(numbers[i - 1] as number)}`);
    if (i < numbers.length - 1) keys.push(`/Next ${ref(numbers[i + 1] as number)}`);
    if (entry.children.length > 0) {
      const children = entry.children.map(allocate);
      const level = writeLevel(
        entry.children,
        children,
        numbers[i] as number,
        pages,
        allocate,
        write,
      );
      // Children start folded: the timeline of a long deck would otherwise fill the panel.
      keys.push(`/First ${ref(level.first)}`, `/Last ${ref(level.last)}`, `/Count ${-level.count}`);
    }
    write(numbers[i] as number, `<<${keys.join(" ")}>>`);
  });
  return { first: numbers[0] as number, last: numbers.at(-1) as number, count: entries.length };
}

function readLayout(bytes: Uint8Array): PdfLayout {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!end) throw new UnreadablePdf("no startxref at the end");
  const xref = Number(end[1]);
  if (!text.startsWith("xref", xref)) throw new UnreadablePdf("no cross-reference table");
  const trailerAt = text.indexOf("trailer", xref);
  const offsets = new Map<number, number>();
  const lines = text
    .slice(xref + 4, trailerAt)
    .trim()
    .split(/\r?\n|\r/);
  for (let i = 0; i < lines.length; ) {
    const [first, count] = (lines[i++] as string).trim().split(/\s+/).map(Number) as [
      number,
      number,
    ];
    for (let n = 0; n < count; n++) {
      const [at, , kind] = (lines[i++] as string).trim().split(/\s+/);
      if (kind === "n") offsets.set(first + n, Number(at));
    }
  }
  const trailer = text.slice(trailerAt, end.index);
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = Number(/\/Root\s+(\d+)\s+0\s+R/.exec(trailer)?.[1]);
  if (!size || !root) throw new UnreadablePdf("a trailer without /Size or /Root");
  const info = /\/Info\s+(\d+)\s+0\s+R/.exec(trailer)?.[1];
  const layout: PdfLayout = { text, offsets, size, root, xref, pages: [] };
  if (info) layout.info = Number(info);
  const pagesRoot = /\/Pages\s+(\d+)\s+0\s+R/.exec(objectBody(layout, root))?.[1];
  if (!pagesRoot) throw new UnreadablePdf("a catalog without pages");
  const walk = (number: number, depth: number) => {
    const body = objectBody(layout, number);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1];
    if (kids === undefined || depth > 32) {
      layout.pages.push(number);
      return;
    }
    for (const kid of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(kid[1]), depth + 1);
  };
  walk(Number(pagesRoot), 0);
  return layout;
}

/** The text between `N 0 obj` and `endobj`. */
function objectBody(layout: PdfLayout, number: number): string {
  const at = layout.offsets.get(number);
  if (at === undefined) throw new UnreadablePdf(`object ${number} is not in the table`);
  const start = layout.text.indexOf("obj", at) + 3;
  const end = layout.text.indexOf("endobj", start);
  if (start < 3 || end < 0) throw new UnreadablePdf(`object ${number} cannot be read`);
  return layout.text.slice(start, end);
}

function dictionary(entries: Record<string, string | Date | undefined>): string {
  const keys = Object.entries(entries).flatMap(([key, value]) => {
    if (value === undefined) return [];
    const written = value instanceof Date ? `(${pdfDate(value)})` : textString(value);
    return [`/${key} ${written}`];
  });
  return `<<${keys.join("\n")}>>`;
}

const ref = (number: number) => `${number} 0 R`;

/** A text string in UTF-16BE, written in hex: safe for any title, no escaping needed. */
function textString(value: string): string {
  const units = [...value].flatMap((char) => {
    const code = char.codePointAt(0) as number;
    if (code <= 0xffff) return [code];
    const c = code - 0x10000;
    return [0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff)];
  });
  return `<FEFF${units.map((u) => u.toString(16).toUpperCase().padStart(4, "0")).join("")}>`;
}

/** A PDF date in UTC, as Chrome writes them: D:YYYYMMDDHHmmSS+00'00'. */
function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, "").slice(0, 14)}+00'00'`;
}

/** Consecutive runs of sorted numbers: one cross-reference subsection each. */
function runs(numbers: number[]): number[][] {
  const result: number[][] = [];
  for (const number of numbers) {
    const last = result.at(-1);
    if (last && last.at(-1) === number - 1) last.push(number);
    else result.push([number]);
  }
  return result;
}
