import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cjkChunkOf, openChunk } from "../../src/export/cjk-fonts.js";
import { fontNames, mappedCharacters, withNames } from "../../src/export/sfnt.js";
import { subsetFont } from "../../src/export/subset-font.js";
import { tempDir } from "../helpers/temp.js";

interface Table {
  tag: string;
  checksum: number;
  offset: number;
  length: number;
}

function tables(font: Uint8Array): Table[] {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  return Array.from({ length: view.getUint16(4) }, (_, i) => {
    const record = 12 + 16 * i;
    return {
      tag: String.fromCharCode(...font.subarray(record, record + 4)),
      checksum: view.getUint32(record + 4),
      offset: view.getUint32(record + 8),
      length: view.getUint32(record + 12),
    };
  });
}

function sum(font: Uint8Array, at: number, length: number): number {
  const padded = new Uint8Array((length + 3) & ~3);
  padded.set(font.subarray(at, at + length));
  const view = new DataView(padded.buffer);
  let total = 0;
  for (let i = 0; i < padded.length; i += 4) total = (total + view.getUint32(i)) >>> 0;
  return total;
}

const names = new Map([
  [0, "Copyright"],
  [1, "Noto Sans KR"],
  [2, "Bold"],
  [4, "Noto Sans KR Bold"],
  [6, "NotoSansKR-Bold"],
  [14, "https://openfontlicense.org"],
]);

describe("withNames", () => {
  let cut: Uint8Array;
  let renamed: Uint8Array;

  beforeAll(async () => {
    const chunk = cjkChunkOf("kr", 0xac00);
    if (!chunk) throw new Error("no chunk of Noto Sans KR holds 가");
    cut = subsetFont(await openChunk(chunk), 0, [0xac00, 0xac01], { wght: 700 }) as Uint8Array;
    renamed = withNames(cut, names);
  });

  it("give the font the names asked for, and those alone", () => {
    expect(fontNames(cut).get(6)).toBe("NotoSansKR-Thin");
    expect(fontNames(renamed)).toEqual(names);
  });

  it("keep every other table as it was, in a directory sorted by tag", () => {
    const before = tables(cut);
    const after = tables(renamed);
    expect(after.map((table) => table.tag)).toEqual(before.map((table) => table.tag).sort());
    for (const table of after.filter((t) => t.tag !== "name" && t.tag !== "head")) {
      const old = before.find((t) => t.tag === table.tag) as Table;
      expect(renamed.subarray(table.offset, table.offset + table.length)).toEqual(
        cut.subarray(old.offset, old.offset + old.length),
      );
    }
    expect(mappedCharacters(renamed)).toEqual(mappedCharacters(cut));
    expect(mappedCharacters(renamed).has(0xac00)).toBe(true);
  });

  it("align each table to 4 bytes and sum each, and the whole font, as OpenType asks", () => {
    for (const table of tables(renamed)) {
      expect(table.offset % 4).toBe(0);
      const head = table.tag === "head";
      const data = renamed.slice(table.offset, table.offset + table.length);
      // head is summed with its checkSumAdjustment as zero.
      if (head) data.fill(0, 8, 12);
      expect(sum(data, 0, data.length)).toBe(table.checksum);
    }
    expect(renamed.length % 4).toBe(0);
    expect(sum(renamed, 0, renamed.length)).toBe(0xb1b0afba);
  });

  it("make a font that fontconfig and HarfBuzz read with its new names", async () => {
    const file = path.join(await tempDir("sfnt"), "renamed.ttf");
    await writeFile(file, renamed);
    const scanned = execFileSync(
      "fc-scan",
      ["--format", "%{family}|%{style}|%{postscriptname}", file],
      { encoding: "utf8" },
    );
    expect(scanned).toBe("Noto Sans KR|Bold|NotoSansKR-Bold");
    expect(subsetFont(renamed, 0, [0xac00])).toBeDefined();
  });
});
