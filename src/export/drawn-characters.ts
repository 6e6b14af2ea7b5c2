/** Code points of a page's text: the HTML with its tags left out. */
export function drawnCharacters(html: string): Set<number> {
  const text = html.replace(/<[^>]*>/g, " ");
  return new Set([...text].map((c) => c.codePointAt(0) as number));
}

/**
 * The code points in a CSS `unicode-range` value such as "U+0000-00FF,U+0131", read by hand:
 * a CJK font's unicode.json lists some 15,000 ranges, which splitting and parsing each took
 * tens of milliseconds over.
 */
export function unicodeRanges(value: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start: number | undefined;
  let number = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : 0x2c; // the last range ends as at ","
    if (c === 0x2c) {
      ranges.push([start ?? number, number]);
      start = undefined;
      number = 0;
    } else if (c === 0x2d) {
      start = number;
      number = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      number = number * 16 + c - 0x30;
    } else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66) {
      number = number * 16 + (c | 0x20) - 0x57;
    }
    // "U", "+" and spaces are skipped.
  }
  return ranges;
}

/** A `unicode-range` value naming exactly `codes`. */
export function unicodeRangeOf(codes: Iterable<number>): string {
  return [...codes]
    .sort((a, b) => a - b)
    .map((code) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`)
    .join(",");
}
