// Just enough of the zip format for a PowerPoint package: reading the one pptxgenjs writes and
// writing it again, every file of one date, in the order given. zlib does the deflating, in
// Node itself, which is many times faster than JSZip's JavaScript and its asynchronous steps.
import zlib from "node:zlib";

/** A file in a zip: its name and its bytes. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** The files of a zip, in its central directory's order; folders left out. */
export function readZip(zip: Uint8Array): ZipEntry[] {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end of central directory record: its signature, searched back from the end (past a
  // comment of at most 64 KiB).
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip file: no end of central directory");
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error("not a zip file: bad directory");
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extra + comment;
    if (name.endsWith("/")) continue;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const stored = bytes.subarray(start, start + size);
    if (method !== 0 && method !== 8) throw new Error(`zip method ${method} of ${name}`);
    entries.push({ name, data: method === 0 ? stored : zlib.inflateRawSync(stored) });
  }
  return entries;
}

/** A zip of `entries` in their order, each dated `date` (UTC, from 1980), deflated or stored. */
export function writeZip(entries: readonly ZipEntry[], date: Date, deflate = true): Buffer {
  const time =
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day =
    ((Math.max(date.getUTCFullYear(), 1980) - 1980) << 9) |
    ((date.getUTCMonth() + 1) << 5) |
    date.getUTCDate();
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const data = deflate ? zlib.deflateRawSync(entry.data, { level: 6 }) : entry.data;
    const crc = crc32(entry.data);
    // Version 2.0, UTF-8 names (bit 11), deflated, the date, the sizes.
    const fields = (header: Buffer, from: number) => {
      header.writeUInt16LE(20, from);
      header.writeUInt16LE(0x0800, from + 2);
      header.writeUInt16LE(deflate ? 8 : 0, from + 4);
      header.writeUInt16LE(time, from + 6);
      header.writeUInt16LE(day, from + 8);
      header.writeUInt32LE(crc, from + 10);
      header.writeUInt32LE(data.length, from + 14);
      header.writeUInt32LE(entry.data.length, from + 18);
      header.writeUInt16LE(name.length, from + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const size = directory.reduce((total, part) => total + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}

let table: Uint32Array | undefined;
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** The zip's CRC-32: zlib's, which Node has from 20.15 on, else computed here. */
function crc32(data: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(data);
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = (table[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
