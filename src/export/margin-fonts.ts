import { readFile } from "node:fs/promises";
import { unicodeRangeOf, unicodeRanges } from "./drawn-characters.js";
import { charactersBeyondSourceSans, cjkCuts, languageOf } from "./fallback-font.js";
import { fontSource, themeFontsCss } from "./script-fonts.js";
import { subsetFont } from "./subset-font.js";
import { woffToSfnt } from "./woff.js";

/** One face of the font a handout's margins are set in: a cut of Source Sans 3 at one weight. */
export interface MarginFont {
  weight: string;
  /** The characters it draws, as a CSS `unicode-range`. */
  range: string;
  /** A data: URL of the cut, without base64's padding (see `marginFonts`). */
  url: string;
}

/**
 * The faces of Source Sans 3 (upright, regular and bold) cut to the characters of `text`, and
 * the cuts of the CJK fonts (those of the deck, for `language`) for its characters beyond them,
 * for the running header and footer. The system's CJK fonts would print as Type 3, and not at
 * all on a machine without them. Chrome draws those from templates that cannot fetch a font, so
 * the cut travels as a data: URL, and is loaded in the page first: a margin's @font-face only
 * finds a font that is ready by the time the margin is drawn. The URL leaves out base64's `=`
 * padding (browsers decode it without), so that it passes through the template's escaping
 * unchanged. A face of none of `text`'s characters is left out.
 */
export async function marginFonts(text: string, language = "en"): Promise<MarginFont[]> {
  // The banner is upper-cased by CSS, and the page numbers are filled in by Chrome.
  const wanted = new Set(
    [...`${text}${text.toUpperCase()}0123456789`].map((c) => c.codePointAt(0) as number),
  );
  const faces = [
    ...themeFontsCss().matchAll(
      /@font-face\s*{[^}]*font-family:\s*"Source Sans 3";\s*font-style:\s*normal;\s*font-weight:\s*(400|700);[^}]*url\("\.\.\/fonts\/([^"]+)\.woff2"\)[^}]*unicode-range:\s*([^;]+);/g,
    ),
  ];
  const fonts = await Promise.all(
    faces.map(async ([, weight, file, range]): Promise<MarginFont | undefined> => {
      const spans = unicodeRanges(range as string);
      const codes = [...wanted].filter((code) =>
        spans.some(([from, to]) => code >= from && code <= to),
      );
      if (codes.length === 0) return undefined;
      // The package ships each face as WOFF too, which unpacks without a Brotli decoder.
      const sfnt = woffToSfnt(new Uint8Array(await readFile(fontSource(`${file}.woff`))));
      const cut = sfnt && subsetFont(sfnt, 0, codes);
      if (!cut) return undefined;
      return { weight: weight as string, range: unicodeRangeOf(codes), url: dataUrl(cut) };
    }),
  );
  const beyond = charactersBeyondSourceSans(text);
  const cjk = beyond.length > 0 ? await cjkCuts(beyond, language) : [];
  return [
    ...fonts.filter((font) => font !== undefined),
    // The weights of the Source Sans 3 faces exactly: the browser picks one set of a family's
    // faces by weight, and would look for the CJK characters of a "600 700" face elsewhere.
    ...cjk.map((cut) => ({
      weight: cut.weight === "400" ? "400" : "700",
      range: unicodeRangeOf(cut.drawn),
      url: dataUrl(cut.bytes),
    })),
  ];
}

/**
 * The cuts of the CJK fonts for the characters of a handout that its deck's slides do not
 * have (`deckHtml`, whose cuts leave out the speaker notes: a deck sent without its notes must
 * not carry them), for the notes it prints. Loaded into the page as more faces of the deck's
 * fallback family, so that the notes print as the slides' text does.
 */
export async function noteFonts(handoutHtml: string, deckHtml: string): Promise<MarginFont[]> {
  const onSlides = new Set(charactersBeyondSourceSans(deckHtml));
  const wanted = charactersBeyondSourceSans(handoutHtml).filter((code) => !onSlides.has(code));
  if (wanted.length === 0) return [];
  const cuts = await cjkCuts(wanted, languageOf(handoutHtml));
  return cuts.map((cut) => ({
    weight: cut.weight,
    range: unicodeRangeOf(cut.drawn),
    url: dataUrl(cut.bytes),
  }));
}

function dataUrl(font: Uint8Array): string {
  return `data:font/ttf;base64,${Buffer.from(font).toString("base64").replace(/=+$/, "")}`;
}
