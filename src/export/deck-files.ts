import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { assetPath } from "../model/asset-path.js";
import { packageFolder } from "../package-folder.js";
import { customThemePath } from "../render/render-deck.js";
import { templatesDir } from "../render/templates.js";
import { fallbackCss, fallbackFonts } from "./fallback-font.js";
import { fontUrls } from "./font-faces.js";
import type { Output } from "./outputs.js";
import { deckFontsCss, fontSource, fontsCss, themeFontsCss } from "./script-fonts.js";

// reveal.js's entry points and the files a deck takes from it are in its dist/ folder.
const revealDist = path.join(packageFolder("reveal.js"), "dist");

/**
 * The files every deck carries beside its index.html: [from, to] with `to` relative. The fonts
 * are those the theme's fonts.css names, or a deck's own `fonts` (see `deckFontsCss`).
 */
export function staticFiles(fonts = themeFontsCss()): [string, string][] {
  return [
    [path.join(revealDist, "reveal.css"), "reveal/reveal.css"],
    [path.join(revealDist, "reveal.js"), "reveal/reveal.js"],
    [path.join(revealDist, "plugin", "notes.js"), "reveal/plugin/notes.js"],
    [path.join(templatesDir, "deck.js"), "deck.js"],
    [path.join(templatesDir, "theme", "theme.css"), "theme/theme.css"],
    [path.join(templatesDir, "theme", "timeline.css"), "theme/timeline.css"],
    [path.join(templatesDir, "theme", "fonts.css"), fontsCss],
    [path.join(templatesDir, "theme", "fallback.css"), fallbackCss],
    ...fontUrls(fonts).map((url): [string, string] => {
      const file = path.basename(url);
      return [fontSource(file), `fonts/${file}`];
    }),
  ];
}

/**
 * Every file a deck needs beside its index.html, its images (and the project's own theme, if
 * it has one) included: [from, to].
 */
export function deckFiles(
  images: Map<string, string>,
  theme?: string,
  fonts?: string,
): [string, string][] {
  return [
    ...staticFiles(fonts),
    ...(theme ? [[theme, customThemePath] as [string, string]] : []),
    ...[...images].map(([ref, real]): [string, string] => [real, assetPath(ref)]),
  ];
}

/**
 * Writes a complete deck into `folder`: index.html, reveal.js, the theme, its fonts (with the
 * characters Source Sans 3 lacks cut from the system's CJK font, see `fallbackFonts`, and the
 * shipped fonts of the other scripts its slides use, see `deckFontsCss`) and the brief's
 * images (those in `scaled` as made for their slides, see `scaleImages`), all by relative
 * paths so it works from file:// and offline.
 */
export async function writeDeckFiles(
  folder: string,
  html: string,
  images: Map<string, string>,
  theme?: string,
  scaled: Map<string, Uint8Array> = new Map(),
): Promise<void> {
  const fallback = await fallbackFonts(html);
  const fonts = deckFontsCss(fallback.undrawn);
  const made = [...scaled].map(([ref, bytes]): [string, Uint8Array] => [assetPath(ref), bytes]);
  const madePaths = new Set(made.map(([to]) => to));
  const files = deckFiles(images, theme, fonts).filter(
    ([, to]) => to !== fontsCss && (to !== fallbackCss || !fallback.css) && !madePaths.has(to),
  );
  await makeFolders(
    folder,
    [...files.map(([, to]) => to), ...madePaths].map((to) => path.dirname(to)),
  );
  await Promise.all([
    writeFile(path.join(folder, "index.html"), html),
    writeFile(path.join(folder, fontsCss), fonts),
    ...files.map(([from, to]) => copyFile(from, path.join(folder, to))),
    ...(fallback.css ? [writeFile(path.join(folder, fallbackCss), fallback.css)] : []),
    ...[...fallback.files, ...made].map(([to, bytes]) => writeFile(path.join(folder, to), bytes)),
  ]);
}

/**
 * Makes the folders inside `folder`, parents first, none of them with `recursive`: an interrupt
 * removes a build's temporary folder while these may still be on their way, and a recursive
 * one would make it again after it was removed, left behind by the exiting process.
 */
async function makeFolders(folder: string, relative: string[]): Promise<void> {
  const all = new Set<string>();
  for (let dir of relative) {
    for (; dir !== "." && dir !== ""; dir = path.dirname(dir)) all.add(dir);
  }
  const byDepth = [...all].sort((a, b) => a.split(path.sep).length - b.split(path.sep).length);
  for (const dir of byDepth) {
    await mkdir(path.join(folder, dir)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
  }
}

/** The deck's folder: index.html and everything it loads. */
export const deckFolder: Output<"html"> = {
  kind: "html",
  fileName: () => "index.html",
  wanted: () => true,
  browser: false,
  // The deck's folder carries the scaled copies too: they are what the PDF, the handout and the
  // single file are made from, and a deck folder shared as it is must not leak a GPS position.
  write: ({ folder, html, loaded, settings, scaled }) =>
    writeDeckFiles(folder, html, loaded.images, settings.theme, scaled.bytes),
};
