// Reading OpenType (sfnt) files: just the few fields the fallback fonts and the text measures
// need.

/** Where the table `tag` of the face whose header is at `at` starts, if it has one. */
function tableOffset(view: DataView, at: number, tag: number): number | undefined {
  const tables = view.getUint16(at + 4);
  for (let i = 0; i < tables; i++) {
    const record = at + 12 + 16 * i;
    if (view.getUint32(record) === tag) return view.getUint32(record + 8);
  }
  return undefined;
}

/**
 * The code points a single font maps to glyphs, read from its cmap table's Unicode subtable
 * (format 12, or format 4 for fonts of the Basic Multilingual Plane alone).
 */
export function mappedCharacters(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = tableOffset(view, 0, 0x636d6170); // "cmap"
  if (cmap === undefined) return new Set();
  const glyphs = glyphsOf(new DataView(font.buffer, font.byteOffset + cmap));
  return new Set([...glyphs].filter(([, glyph]) => glyph !== 0).map(([code]) => code));
}

/**
 * The glyph of each code point, from a cmap table's Unicode subtable (format 12, else format
 * 4); a code point of format 4 the font does not draw maps to glyph 0.
 */
export function glyphsOf(cmap: DataView): Map<number, number> {
  const glyphs = new Map<number, number>();
  const subtables = Array.from({ length: cmap.getUint16(2) }, (_, i) =>
    cmap.getUint32(4 + 8 * i + 4),
  );
  const format12 = subtables.find((at) => cmap.getUint16(at) === 12);
  if (format12 !== undefined) {
    for (let g = 0; g < cmap.getUint32(format12 + 12); g++) {
      const group = format12 + 16 + 12 * g;
      const [from, to, first] = [0, 4, 8].map((f) => cmap.getUint32(group + f)) as [
        number,
        number,
        number,
      ];
      for (let code = from; code <= to; code++) glyphs.set(code, first + code - from);
    }
    return glyphs;
  }
  const at = subtables.find((offset) => cmap.getUint16(offset) === 4);
  if (at === undefined) return glyphs;
  const segments = cmap.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const end = cmap.getUint16(ends + 2 * s);
    const start = cmap.getUint16(starts + 2 * s);
    const delta = cmap.getUint16(deltas + 2 * s);
    const rangeOffset = cmap.getUint16(rangeOffsets + 2 * s);
    // The last segment maps 0xFFFF to the missing glyph.
    for (let code = start; code <= end && code !== 0xffff; code++) {
      const found =
        rangeOffset === 0
          ? code
          : cmap.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (code - start));
      glyphs.set(code, rangeOffset !== 0 && found === 0 ? 0 : (found + delta) & 0xffff);
    }
  }
  return glyphs;
}
