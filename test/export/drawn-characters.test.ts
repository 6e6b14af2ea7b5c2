import { describe, expect, it } from "vitest";
import { unicodeRanges } from "../../src/export/drawn-characters.js";

describe("a unicode-range value", () => {
  it("is read as fonts.css and the fonts' unicode.json write it", () => {
    expect(unicodeRanges("U+0000-00FF, U+0131, U+0152-0153")).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x152, 0x153],
    ]);
    expect(unicodeRanges("U+ac00-ac0f,U+AC11,U+1f600")).toEqual([
      [0xac00, 0xac0f],
      [0xac11, 0xac11],
      [0x1f600, 0x1f600],
    ]);
  });
});
