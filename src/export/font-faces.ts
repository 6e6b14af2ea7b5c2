import { unicodeRanges } from "./drawn-characters.js";

/** Whether a @font-face rule is for some of `used`: a rule without a unicode-range is for all. */
export function drawsAny(rule: string, used: Iterable<number>): boolean {
  const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
  if (!range) return true;
  const spans = unicodeRanges(range);
  for (const code of used) {
    if (spans.some(([from, to]) => code >= from && code <= to)) return true;
  }
  return false;
}

/** The stylesheet without the @font-face rules `unused` says a deck has no use for. */
export function dropFontFaces(css: string, unused: (rule: string) => boolean): string {
  return css.replace(/@font-face\s*{[^}]*}\s*/g, (rule) => (unused(rule) ? "" : rule));
}

/** The font files a stylesheet's rules name (relative to it). */
export function fontUrls(css: string): string[] {
  return [...css.matchAll(/url\("(\.\.\/fonts\/[^"]+)"\)/g)].map((m) => m[1] as string);
}
