import { readFile } from "node:fs/promises";
import { unicodeRangeOf, unicodeRanges } from "./drawn-characters.js";
import { charactersBeyondSourceSans, cjkCuts, languageOf } from "./fallback-font.js";
import { fontSource, themeFontsCss } from "./script-fonts.js";
import { mappedCharacters } from "./sfnt.js";
import { subsetFont } from "./subset-font.js";
import { woffToSfnt } from "./woff.js";

/** One face of the font a handout's margins are set in: a cut of one of the deck's fonts. */
export interface MarginFont {
  weight: string;
  /** The characters it draws, as a CSS `unicode-range`. */
  range: string;
  /** A data: URL of the cut, without base64's padding (see `marginFonts`). */
  url: string;
}

// The families of fonts.css a margin's text is set in, as the deck's font stack has them: Source
// Sans 3 and the fonts of the scripts it lacks. Noto Emoji is left to the system's fonts.
const marginFamilies = /^(Source Sans 3|Noto Sans (Thai|Devanagari|Hebrew)|IBM Plex Sans Arabic)$/;

/** The upright faces of fonts.css at the two weights a margin sets (400, 700), in its order. */
function marginFaces(): { weight: string; file: string; spans: [number, number][] }[] {
  return [
    ...themeFontsCss().matchAll(
      /@font-face\s*{[^}]*font-family:\s*"([^"]+)";\s*font-style:\s*normal;\s*font-weight:\s*(400|700);[^}]*url\("\.\.\/fonts\/([^"]+)\.woff2"\)[^}]*unicode-range:\s*([^;]+);/g,
    ),
  ]
    .filter(([, family]) => marginFamilies.test(family as string))
    .map(([, , weight, file, range]) => ({
      weight: weight as string,
      file: file as string,
      spans: unicodeRanges(range as string),
    }));
}

/**
 * The faces of Source Sans 3 and of the script fonts (Thai, Devanagari, Arabic, Hebrew), upright,
 * regular and bold, cut to the characters of `text`, and the cuts of the CJK fonts (those of the
 * deck, for `language`) for its characters beyond them, for the running header and footer. The
 * system's fonts would print as Type 3 or as empty boxes, and not at all on a machine without
 * them. Chrome draws those from templates that cannot fetch a font, so the cut travels as a data:
 * URL, and is loaded in the page first: a margin's @font-face only finds a font that is ready by
 * the time the margin is drawn. The URL leaves out base64's `=` padding (browsers decode it
 * without), so that it passes through the template's escaping unchanged. A face of none of
 * `text`'s characters is left out; a character goes to the first face that draws it, in
 * fonts.css's order, as it does on the slides.
 */
export async function marginFonts(text: string, language = "en"): Promise<MarginFont[]> {
  // The banner is upper-cased by CSS, and the page numbers are filled in by Chrome.
  const wanted = new Set(
    [...`${text}${text.toUpperCase()}0123456789`].map((c) => c.codePointAt(0) as number),
  );
  const left = new Map([
    ["400", new Set(wanted)],
    ["700", new Set(wanted)],
  ]);
  const fonts: MarginFont[] = [];
  for (const { weight, file, spans } of marginFaces()) {
    const open = left.get(weight) as Set<number>;
    const codes = [...open].filter((code) =>
      spans.some(([from, to]) => code >= from && code <= to),
    );
    if (codes.length === 0) continue;
    // The package ships each face as WOFF too, which unpacks without a Brotli decoder.
    const sfnt = woffToSfnt(new Uint8Array(await readFile(fontSource(`${file}.woff`))));
    const cut = sfnt && subsetFont(sfnt, 0, codes);
    if (!cut) continue;
    const mapped = mappedCharacters(cut);
    const drawn = codes.filter((code) => mapped.has(code));
    if (drawn.length === 0) continue;
    for (const code of drawn) open.delete(code);
    fonts.push({ weight, range: unicodeRangeOf(drawn), url: dataUrl(cut) });
  }
  const beyond = charactersBeyondSourceSans(text).filter(
    (code) => left.get("400")?.has(code) || left.get("700")?.has(code),
  );
  const cjk = beyond.length > 0 ? await cjkCuts(beyond, language) : [];
  return [
    ...fonts,
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
