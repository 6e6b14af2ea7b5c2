import { readFileSync } from "node:fs";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { assetPath } from "../model/build-deck.js";
import { packageFolder } from "../package-folder.js";
import { customThemePath } from "../render/render-deck.js";
import { templatesDir } from "../render/templates.js";
import { fallbackCss, fallbackFonts } from "./fallback-font.js";

// reveal.js's entry points and the files a deck takes from it are in its dist/ folder.
const revealDist = path.join(packageFolder("reveal.js"), "dist");
const fontFiles = path.join(packageFolder("@fontsource/source-sans-3"), "files");

/** The files every deck carries beside its index.html: [from, to] with `to` relative. */
export function staticFiles(): [string, string][] {
  const fontsCss = readFileSync(path.join(templatesDir, "theme", "fonts.css"), "utf8");
  const fonts = [...fontsCss.matchAll(/url\("\.\.\/fonts\/([^"]+)"\)/g)].map((m) => m[1] as string);
  return [
    [path.join(revealDist, "reveal.css"), "reveal/reveal.css"],
    [path.join(revealDist, "reveal.js"), "reveal/reveal.js"],
    [path.join(revealDist, "plugin", "notes.js"), "reveal/plugin/notes.js"],
    [path.join(templatesDir, "deck.js"), "deck.js"],
    [path.join(templatesDir, "theme", "theme.css"), "theme/theme.css"],
    [path.join(templatesDir, "theme", "timeline.css"), "theme/timeline.css"],
    [path.join(templatesDir, "theme", "fonts.css"), "theme/fonts.css"],
    [path.join(templatesDir, "theme", "fallback.css"), fallbackCss],
    ...fonts.map((font): [string, string] => [path.join(fontFiles, font), `fonts/${font}`]),
  ];
}

/**
 * Every file a deck needs beside its index.html, its images (and the project's own theme, if
 * it has one) included: [from, to].
 */
export function deckFiles(images: Map<string, string>, theme?: string): [string, string][] {
  return [
    ...staticFiles(),
    ...(theme ? [[theme, customThemePath] as [string, string]] : []),
    ...[...images].map(([ref, real]): [string, string] => [real, assetPath(ref)]),
  ];
}

/**
 * Writes a complete deck into `folder`: index.html, reveal.js, the theme, its fonts (with the
 * characters Source Sans 3 lacks cut from the system's fonts, see `fallbackFonts`) and the
 * brief's images, all by relative paths so it works from file:// and offline.
 */
export async function writeDeckFiles(
  folder: string,
  html: string,
  images: Map<string, string>,
  theme?: string,
): Promise<void> {
  const fallback = await fallbackFonts(html);
  const files = deckFiles(images, theme).filter(([, to]) => to !== fallbackCss || !fallback.css);
  await makeFolders(
    folder,
    files.map(([, to]) => path.dirname(to)),
  );
  await Promise.all([
    writeFile(path.join(folder, "index.html"), html),
    ...files.map(([from, to]) => copyFile(from, path.join(folder, to))),
    ...(fallback.css ? [writeFile(path.join(folder, fallbackCss), fallback.css)] : []),
    ...fallback.files.map(([to, bytes]) => writeFile(path.join(folder, to), bytes)),
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
