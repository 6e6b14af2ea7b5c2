import { describe, expect, it } from "vitest";
import { unicodeRanges } from "../../src/export/drawn-characters.js";
import { marginFonts } from "../../src/export/margin-fonts.js";
import { mappedCharacters } from "../../src/export/sfnt.js";

/** The characters each weight's faces draw, each face's range checked against its font. */
async function drawnByWeight(text: string, language: string): Promise<Map<string, number[]>> {
  const byWeight = new Map<string, number[]>();
  for (const font of await marginFonts(text, language)) {
    const bytes = Buffer.from(font.url.replace(/^data:font\/ttf;base64,/, ""), "base64");
    const mapped = mappedCharacters(new Uint8Array(bytes));
    const declared = unicodeRanges(font.range).flatMap(([from, to]) =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i),
    );
    expect(declared.filter((code) => !mapped.has(code))).toEqual([]);
    byWeight.set(font.weight, [...(byWeight.get(font.weight) ?? []), ...declared]);
  }
  return byWeight;
}

const codes = (text: string) =>
  [...new Set([...text.replace(/\s/g, "")])].map((c) => c.codePointAt(0));

describe("marginFonts", () => {
  it.each([
    ["hi", "गोपनीय", "हैंडआउट · 19 जून 2024 तक", "पृष्ठ 2 / 14"],
    ["th", "ลับ", "เอกสารประกอบ · ข้อมูล ณ 19 มิถุนายน 2567", "หน้า 1 จาก 15"],
    ["he", "סודי", "דף מידע · נכון ל-19 ביוני 2024", "עמוד 2 מתוך 9"],
    ["ar", "سري", "نشرة · حتى 19 يونيو 2024", "صفحة 2 من 10"],
  ])(
    "%s: every character of the margins is drawn, once, at both weights",
    async (language, ...words) => {
      const text = words.join("");
      const drawn = await drawnByWeight(text, language);
      for (const weight of ["400", "700"]) {
        const faces = drawn.get(weight) ?? [];
        expect(codes(text).filter((code) => !faces.includes(code as number))).toEqual([]);
        expect(faces.length).toBe(new Set(faces).size);
      }
    },
  );
});
