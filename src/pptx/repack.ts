// pptxgenjs stamps every file of the package with the time it ran, and its document
// properties too; and what it writes has a few flaws PowerPoint may offer to repair. The
// package is written again here: the same deck gives the same bytes, and each part is as the
// schema wants it.

import { readZip, writeZip } from "./zip.js";

/** What the package is written again with. */
export interface RepackOptions {
  /** The date of every file in the zip and of the document's creation and modification. */
  date: Date;
  /** The theme's East Asian font, for a brief in Korean, Japanese or Chinese. */
  eastAsianFont?: string;
  /** The brief's language, which every run of text is tagged with. */
  language: string;
}

// A zip's dates start in 1980 (MS-DOS's epoch); an earlier as-of date dates the files then.
const zipEpoch = Date.UTC(1980, 0, 1, 12);

/**
 * The package again: its files in a fixed order ([Content_Types].xml first, then by name), all
 * of the one date, deflated; its properties dated `date`; the theme naming the East Asian font;
 * and in every slide, layout and notes page, one paragraph property list per paragraph, a
 * unique id per shape and every run in the brief's language.
 */
export function repack(bytes: Uint8Array, options: RepackOptions): Buffer {
  const entries = readZip(bytes)
    .sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, data }) =>
      /\.(xml|rels)$/.test(name)
        ? { name, data: Buffer.from(fixPart(name, Buffer.from(data).toString("utf8"), options)) }
        : { name, data },
    );
  return writeZip(entries, new Date(Math.max(options.date.getTime(), zipEpoch)));
}

const rank = (name: string) => (name === "[Content_Types].xml" ? 0 : 1);

/**
 * The characters XML 1.0 cannot hold, even escaped, which a brief can still give as a YAML
 * escape ("\a", "\x01", "\uFFFF"): pptxgenjs writes them as they are, and a file with one is
 * not XML. They show as nothing on the deck's page, and are left out here.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is looked for
const notInXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function fixPart(name: string, written: string, options: RepackOptions): string {
  const xml = written.replace(notInXml, "");
  if (name === "docProps/core.xml") return datedCore(xml, options.date);
  if (name.startsWith("ppt/theme/") && options.eastAsianFont) {
    const font = escapeAttribute(options.eastAsianFont);
    return xml.replace(/<a:ea typeface=""\/>/g, `<a:ea typeface="${font}"/>`);
  }
  if (/^ppt\/(slides|slideLayouts|slideMasters|notesSlides)\/[^/]+\.xml$/.test(name)) {
    // pptxgenjs tags the runs it writes itself (the slide number, the notes) as en-US.
    const lang = ` lang="${escapeAttribute(options.language)}"`;
    return uniqueShapeIds(oneParagraphProperties(xml)).replace(/ lang="en-US"/g, lang);
  }
  return xml;
}

function datedCore(xml: string, date: Date): string {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return xml.replace(
    /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_, open, _tag, close) => `${open}${stamp}${close}`,
  );
}

/**
 * pptxgenjs writes a paragraph's properties before each of its runs, where the schema allows
 * them once, first: the first is kept.
 */
function oneParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (paragraph, inner: string) => {
    const properties = /<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g;
    const found = inner.match(properties);
    if (!found || found.length < 2) return paragraph;
    return `<a:p>${found[0]}${inner.replace(properties, "")}</a:p>`;
  });
}

/** Numbers a part's shapes anew: pptxgenjs gives its slide-number placeholder an id of its own, 25. */
function uniqueShapeIds(xml: string): string {
  let id = 0;
  return xml.replace(/<p:cNvPr id="\d+"/g, () => `<p:cNvPr id="${++id}"`);
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
