// Reading OpenType (sfnt) files: just the few fields the fallback fonts and the text measures
// need; and giving a cut font the names of what it is.

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

const nameTag = 0x6e616d65; // "name"
const headTag = 0x68656164; // "head"

/**
 * The names of a single font by name ID, from its name table's Windows records in US English
 * (platform 3, encoding 1, language 0x409), the ones every font made today carries.
 */
export function fontNames(font: Uint8Array): Map<number, string> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const names = new Map<number, string>();
  const at = tableOffset(view, 0, nameTag);
  if (at === undefined) return names;
  const strings = at + view.getUint16(at + 4);
  for (let i = 0; i < view.getUint16(at + 2); i++) {
    const record = at + 6 + 12 * i;
    const [platform, encoding, language, id, length, offset] = [0, 2, 4, 6, 8, 10].map((f) =>
      view.getUint16(record + f),
    ) as [number, number, number, number, number, number];
    if (platform !== 3 || encoding !== 1 || language !== 0x409) continue;
    const units = Array.from({ length: length / 2 }, (_, u) =>
      view.getUint16(strings + offset + 2 * u),
    );
    names.set(id, String.fromCharCode(...units));
  }
  return names;
}

/**
 * `font` (a single font, not a collection) with its name table replaced by one of `names`,
 * as Windows records in US English, and its table directory, checksums and
 * head.checkSumAdjustment made again for the new table.
 */
export function withNames(font: Uint8Array, names: ReadonlyMap<number, string>): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = Array.from({ length: view.getUint16(4) }, (_, i) => {
    const record = 12 + 16 * i;
    const tag = view.getUint32(record);
    const [offset, length] = [view.getUint32(record + 8), view.getUint32(record + 12)];
    return { tag, data: tag === nameTag ? nameTable(names) : font.slice(offset, offset + length) };
  });
  if (!tables.some((table) => table.tag === nameTag)) {
    tables.push({ tag: nameTag, data: nameTable(names) });
  }
  tables.sort((a, b) => a.tag - b.tag);
  const padded = (length: number) => (length + 3) & ~3;
  const directory = 12 + 16 * tables.length;
  const size = tables.reduce((sum, table) => sum + padded(table.data.length), directory);
  // Zero-filled: each table's padding is summed as the zeros it is.
  const out = new Uint8Array(size);
  const writer = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  writer.setUint32(0, view.getUint32(0));
  writer.setUint16(4, tables.length);
  writer.setUint16(6, power * 16);
  writer.setUint16(8, Math.log2(power));
  writer.setUint16(10, tables.length * 16 - power * 16);
  let offset = directory;
  let head: number | undefined;
  tables.forEach((table, i) => {
    if (table.tag === headTag) {
      head = offset;
      // Summed as zero, as the specification asks, and set once the whole font is summed.
      table.data.fill(0, 8, 12);
    }
    out.set(table.data, offset);
    const record = 12 + 16 * i;
    writer.setUint32(record, table.tag);
    writer.setUint32(record + 4, checksum(writer, offset, padded(table.data.length)));
    writer.setUint32(record + 8, offset);
    writer.setUint32(record + 12, table.data.length);
    offset += padded(table.data.length);
  });
  if (head !== undefined) {
    writer.setUint32(head + 8, (0xb1b0afba - checksum(writer, 0, size)) >>> 0);
  }
  return out;
}

/** A name table of format 0 with `names` as Windows records in US English. */
function nameTable(names: ReadonlyMap<number, string>): Uint8Array {
  const ids = [...names.keys()].sort((a, b) => a - b);
  const header = 6 + 12 * ids.length;
  const length = ids.reduce((sum, id) => sum + 2 * (names.get(id) as string).length, header);
  const table = new DataView(new ArrayBuffer(length));
  table.setUint16(2, ids.length);
  table.setUint16(4, header);
  let offset = 0;
  ids.forEach((id, i) => {
    const text = names.get(id) as string;
    const record = 6 + 12 * i;
    const fields = [3, 1, 0x409, id, 2 * text.length, offset];
    for (const [f, value] of fields.entries()) table.setUint16(record + 2 * f, value);
    for (let u = 0; u < text.length; u++) {
      table.setUint16(header + offset + 2 * u, text.charCodeAt(u));
    }
    offset += 2 * text.length;
  });
  return new Uint8Array(table.buffer);
}

/** The sum of the big-endian 32-bit words of `length` bytes (a multiple of 4) at `at`. */
function checksum(view: DataView, at: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i += 4) sum = (sum + view.getUint32(at + i)) >>> 0;
  return sum;
}
