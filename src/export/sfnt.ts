// Reading OpenType (sfnt) files: just the few fields the fallback fonts need.

/**
 * The index of the face named `family` in an OpenType collection (or 0 for a single font), read
 * from the faces' name tables; undefined when no face has that name.
 */
export function faceIndex(font: Uint8Array, family: string): number | undefined {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const isCollection = view.getUint32(0) === 0x74746366; // "ttcf"
  const offsets = isCollection
    ? Array.from({ length: view.getUint32(8) }, (_, i) => view.getUint32(12 + 4 * i))
    : [0];
  const index = offsets.findIndex((offset) => familyNames(view, offset).includes(family));
  return index < 0 ? undefined : index;
}

/** The family names (name ID 1, Windows Unicode records) of the face whose header is at `at`. */
function familyNames(view: DataView, at: number): string[] {
  const table = tableOffset(view, at, 0x6e616d65); // "name"
  if (table === undefined) return [];
  const count = view.getUint16(table + 2);
  const strings = table + view.getUint16(table + 4);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    const entry = table + 6 + 12 * n;
    const [platform, , , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((f) =>
      view.getUint16(entry + f),
    ) as number[];
    if (platform !== 3 || nameId !== 1) continue;
    const start = strings + (offset as number);
    let name = "";
    for (let c = 0; c < (length as number); c += 2) {
      name += String.fromCharCode(view.getUint16(start + c));
    }
    names.push(name);
  }
  return names;
}

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
  const codes = new Set<number>();
  const cmap = tableOffset(view, 0, 0x636d6170); // "cmap"
  if (cmap === undefined) return codes;
  const subtables = Array.from({ length: view.getUint16(cmap + 2) }, (_, i) => {
    const record = cmap + 4 + 8 * i;
    return cmap + view.getUint32(record + 4);
  });
  const format12 = subtables.find((at) => view.getUint16(at) === 12);
  if (format12 !== undefined) {
    const groups = view.getUint32(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const group = format12 + 16 + 12 * g;
      for (let code = view.getUint32(group); code <= view.getUint32(group + 4); code++) {
        codes.add(code);
      }
    }
    return codes;
  }
  const format4 = subtables.find((at) => view.getUint16(at) === 4);
  if (format4 === undefined) return codes;
  const segments = view.getUint16(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + 2 * segments + 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + 2 * s);
    // The last segment maps 0xFFFF to the missing glyph.
    if (end === 0xffff) continue;
    for (let code = view.getUint16(starts + 2 * s); code <= end; code++) codes.add(code);
  }
  return codes;
}
