/** Code points of a page's text: the HTML with its tags left out. */
export function drawnCharacters(html: string): Set<number> {
  const text = html.replace(/<[^>]*>/g, " ");
  return new Set([...text].map((c) => c.codePointAt(0) as number));
}

/** The code points in a CSS `unicode-range` value such as "U+0000-00FF,U+0131". */
export function unicodeRanges(value: string): [number, number][] {
  return value.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
    return [Number.parseInt(from as string, 16), Number.parseInt((to ?? from) as string, 16)];
  });
}

/** A `unicode-range` value naming exactly `codes`. */
export function unicodeRangeOf(codes: Iterable<number>): string {
  return [...codes]
    .sort((a, b) => a - b)
    .map((code) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`)
    .join(",");
}
