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
 * the banners and footer on the slide master; and in every slide, layout and notes page, one
 * paragraph property list per paragraph, a unique id per shape and every run in the brief's
 * language.
 */
export function repack(bytes: Uint8Array, options: RepackOptions): Buffer {
  const texts = new Map<string, string>();
  const entries = readZip(bytes).sort(
    (a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  for (const { name, data } of entries) {
    if (/\.(xml|rels)$/.test(name)) texts.set(name, Buffer.from(data).toString("utf8"));
  }
  frameOnMaster(texts);
  const fixed = entries.map(({ name, data }) => {
    const text = texts.get(name);
    return text === undefined
      ? { name, data }
      : { name, data: Buffer.from(fixPart(name, text, options)) };
  });
  return writeZip(fixed, new Date(Math.max(options.date.getTime(), zipEpoch)));
}

/**
 * pptxgenjs puts what each of its "masters" shows on a layout of the one real master: here the
 * banners and the footer, the same on every layout. They are moved onto the master itself, so
 * that every layout shows them, one a user adds too, and a user edits them in one place.
 */
function frameOnMaster(texts: Map<string, string>): void {
  const master = "ppt/slideMasters/slideMaster1.xml";
  const layouts = [...texts.keys()].filter((name) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(name));
  // A layout's own shapes, not its placeholders; p:sp does not nest in what pptxgenjs writes.
  const ownShapes = (xml: string) =>
    (xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []).filter((shape) => !shape.includes("<p:ph"));
  const frame = layouts
    .map((name) => ownShapes(texts.get(name) as string))
    .find((shapes) => shapes.length > 0);
  const masterXml = texts.get(master);
  if (!frame || !masterXml?.includes("</p:spTree>")) return;
  for (const name of layouts) {
    const shapes = ownShapes(texts.get(name) as string);
    // Only layouts that all carry the same frame give it up.
    if (shapes.length === 0) continue;
    if (shapes.join("") !== frame.join("")) return;
  }
  for (const name of layouts) {
    let xml = texts.get(name) as string;
    for (const shape of frame) xml = xml.replace(shape, "");
    texts.set(name, xml);
  }
  texts.set(master, masterXml.replace("</p:spTree>", `${frame.join("")}</p:spTree>`));
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
