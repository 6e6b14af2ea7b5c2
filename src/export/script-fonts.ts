import { readFileSync } from "node:fs";
import path from "node:path";
import { brokenInstall } from "../errors.js";
import { packageFolder } from "../package-folder.js";
import { templatesDir } from "../render/templates.js";
import { drawsAny, dropFontFaces } from "./font-faces.js";

/** Where a deck keeps the rules for the fonts it ships. */
export const fontsCss = "theme/fonts.css";

// The @fontsource packages whose files fonts.css names, each file's name starting with its own.
const fontPackages = [
  "source-sans-3",
  "noto-sans-thai",
  "noto-sans-devanagari",
  "ibm-plex-sans-arabic",
  "noto-sans-hebrew",
  "noto-emoji",
];

// Every deck carries Source Sans 3 as it always has: the deck is set in it.
const everyDeck = /font-family:\s*"Source Sans 3"/;

let themeFonts: string | undefined;

/** The theme's fonts.css: Source Sans 3 and the fonts for the scripts it lacks. */
export function themeFontsCss(): string {
  themeFonts ??= readFileSync(path.join(templatesDir, "theme", "fonts.css"), "utf8");
  return themeFonts;
}

/**
 * fonts.css for a deck whose slides have the characters `wanted` that neither Source Sans 3
 * nor the deck's cut of the system's CJK font draws: the rules of the script and emoji fonts
 * none of them falls in are left out, and with them their files, so a deck carries only the
 * fonts its brief needs. A variation selector (U+FE0F, in 8 of Noto Emoji's 11 slices) is
 * drawn with the character before it and pulls in no slice by itself.
 */
export function deckFontsCss(wanted: number[]): string {
  const used = wanted.filter((code) => !(code >= 0xfe00 && code <= 0xfe0f));
  return dropFontFaces(themeFontsCss(), (rule) => !everyDeck.test(rule) && !drawsAny(rule, used));
}

/** Where the installed package keeps a font file that fonts.css names. */
export function fontSource(file: string): string {
  const id = fontPackages.find((name) => file.startsWith(`${name}-`));
  if (!id) throw brokenInstall(`the theme's fonts.css names ${file}, of no package briefing ships`);
  return path.join(packageFolder(`@fontsource/${id}`), "files", file);
}
