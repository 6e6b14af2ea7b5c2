import { type CjkFont, cjkFontsFor } from "../export/cjk-fonts.js";

/**
 * The font the PowerPoint file names for Latin, Greek and Cyrillic text. Source Sans 3, the
 * deck's font, is on few machines, and a font PowerPoint does not have is replaced by one of
 * its choosing. Calibri is on every machine with Office (Windows and Mac, since 2007) and in
 * PowerPoint for the web, is a humanist sans like Source Sans 3 and about as wide, so text set
 * in the deck's measure still fits its boxes; LibreOffice draws it with Carlito, made to its
 * metrics. Arial, the other font everybody has, is about a tenth wider.
 */
export const latinFont = "Calibri";

// The East Asian fonts PowerPoint itself sets such text in on Windows (and Office for Mac
// ships): sans-serif, as the deck's Noto Sans CJK is.
const eastAsianFonts: Record<CjkFont, string> = {
  kr: "Malgun Gothic",
  jp: "Yu Gothic",
  sc: "Microsoft YaHei",
  tc: "Microsoft JhengHei",
};

/**
 * The East Asian font of a brief in Korean, Japanese or Chinese, so that its Han characters take
 * the forms of its language; none for another language, whose Hangul, kana or Han PowerPoint
 * sets in its theme's font for that script.
 */
export function eastAsianFont(language: string): string | undefined {
  const base = language.toLowerCase().split("-")[0];
  if (base !== "ko" && base !== "ja" && base !== "zh") return undefined;
  const [first] = cjkFontsFor(language, []);
  return first && eastAsianFonts[first];
}
