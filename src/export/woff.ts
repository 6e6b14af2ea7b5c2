import { inflateSync } from "node:zlib";

/**
 * The OpenType font inside a WOFF 1 file (each table zlib-compressed on its own), for the
 * subsetter, which reads OpenType alone. Undefined when `woff` is not a WOFF file.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array | undefined {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.length < 44 || view.getUint32(0) !== 0x774f4646) return undefined; // "wOFF"
  const count = view.getUint16(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + 20 * i;
    const [tag, offset, stored, length, checksum] = [0, 4, 8, 12, 16].map((f) =>
      view.getUint32(at + f),
    ) as [number, number, number, number, number];
    const data = woff.subarray(offset, offset + stored);
    return { tag, checksum, data: stored < length ? new Uint8Array(inflateSync(data)) : data };
  });
  const headerLength = 12 + 16 * count;
  const padded = (n: number) => (n + 3) & ~3;
  const total = tables.reduce((sum, t) => sum + padded(t.data.length), headerLength);
  const sfnt = new Uint8Array(total);
  const out = new DataView(sfnt.buffer);
  const power = 2 ** Math.floor(Math.log2(count));
  out.setUint32(0, view.getUint32(4)); // the flavour: TrueType or CFF
  out.setUint16(4, count);
  out.setUint16(6, power * 16);
  out.setUint16(8, Math.log2(power));
  out.setUint16(10, count * 16 - power * 16);
  let offset = headerLength;
  tables.forEach((table, i) => {
    const entry = 12 + 16 * i;
    out.setUint32(entry, table.tag);
    out.setUint32(entry + 4, table.checksum);
    out.setUint32(entry + 8, offset);
    out.setUint32(entry + 12, table.data.length);
    sfnt.set(table.data, offset);
    offset += padded(table.data.length);
  });
  return sfnt;
}
