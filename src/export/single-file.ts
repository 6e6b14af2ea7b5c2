import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { BriefingError } from "../errors.js";
import { inside } from "../inside-folder.js";
import { renderBrief } from "../render/render-brief.js";
import { deckPolicy } from "../render/render-deck.js";
import { inlineScripts, scriptHash } from "../render/speaker-view.js";
import { drawnCharacters } from "./drawn-characters.js";
import { drawsAny, dropFontFaces } from "./font-faces.js";
import type { Output } from "./outputs.js";

const mimeTypes: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
  ".avif": "image/avif",
  ".woff2": "font/woff2",
  ".otf": "font/otf",
};

/**
 * The deck as one self-contained HTML file, for an email attachment: the stylesheets, scripts,
 * fonts and images of the deck written in `folder` are inlined, images and fonts as data: URLs
 * with their bytes as they are. Of the fonts, only the faces whose characters the deck uses are
 * kept (no italic without emphasis, no Cyrillic without Cyrillic text). Its
 * Content-Security-Policy lets it run exactly its own inline scripts (by hash) and read
 * nothing from outside itself.
 */
export async function singleFileHtml(html: string, folder: string): Promise<string> {
  const used = drawnCharacters(html);
  const inline = async (ref: string) => {
    const file = path.resolve(folder, unescapeAttribute(ref));
    if (!inside(path.resolve(folder), file)) {
      throw new BriefingError("internal", `the deck refers to ${ref}, outside its folder`);
    }
    return { file, text: await readFile(file, "utf8") };
  };
  const replacements = new Map<string, string>();
  for (const [tag, ref] of html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)) {
    const { file, text } = await inline(ref as string);
    const css = await inlineCssUrls(keepUsedFontFaces(text, used, html), path.dirname(file));
    replacements.set(tag, `<style>\n${css}\n</style>`);
  }
  for (const [tag, ref] of html.matchAll(/<script src="([^"]+)"><\/script>/g)) {
    const { text } = await inline(ref as string);
    // Inside a <script> element only "</script" can end it early; "<\/" means the same in JS.
    replacements.set(tag, `<script>\n${text.replace(/<\/(script)/gi, "<\\/$1")}\n</script>`);
  }
  for (const [attribute, ref] of html.matchAll(/ src="(assets\/[^"]+)"/g)) {
    const file = path.resolve(folder, decodeURIComponent(unescapeAttribute(ref as string)));
    if (!inside(path.resolve(folder), file)) continue;
    replacements.set(attribute, ` src="${await dataUrl(file)}"`);
  }
  let result = html;
  for (const [from, to] of replacements) result = result.split(from).join(to);
  const policy = deckPolicy({
    selfContained: true,
    scriptHashes: inlineScripts(result).map(scriptHash),
  });
  const meta = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
  if (!meta.test(result)) throw new BriefingError("internal", "the deck has no security policy");
  return result.replace(
    meta,
    () => `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
  );
}

async function dataUrl(file: string): Promise<string> {
  const type = mimeTypes[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  return `data:${type};base64,${(await readFile(file)).toString("base64")}`;
}

async function inlineCssUrls(css: string, dir: string): Promise<string> {
  const urls = [...new Set([...css.matchAll(/url\("(?!data:)([^"]+)"\)/g)].map((m) => m[1]))];
  let result = css;
  for (const url of urls) {
    result = result
      .split(`url("${url}")`)
      .join(`url("${await dataUrl(path.resolve(dir, url as string))}")`);
  }
  return result;
}

/** Drops the @font-face rules whose unicode-range or style the deck does not use. */
function keepUsedFontFaces(css: string, used: Set<number>, html: string): string {
  const italic = /<(em|i)\b/.test(html);
  return dropFontFaces(
    css,
    (rule) => (/font-style:\s*italic/.test(rule) && !italic) || !drawsAny(rule, used),
  );
}

const entities: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#x27;": "'",
  "&#x60;": "`",
  "&#x3D;": "=",
};

function unescapeAttribute(value: string): string {
  return value.replace(
    /&(amp|lt|gt|quot|#x27|#x60|#x3D);/g,
    (entity) => entities[entity] ?? entity,
  );
}

/** `<name>.html`: the whole deck in one file, to email. */
export const singleFileOutput: Output<"singleFile"> = {
  kind: "singleFile",
  fileName: (name) => `${name}.html`,
  wanted: (settings) => !!settings.singleFile,
  browser: false,
  async write({ brief, loaded, html, changes, settings, folder, file }) {
    // Emailed to others: the presenter's notes stay out unless asked for.
    const shared = settings.notes
      ? html
      : renderBrief(brief, loaded.name, settings, { notes: false, changes }).html;
    await writeFile(file, await singleFileHtml(shared, folder));
  },
};
