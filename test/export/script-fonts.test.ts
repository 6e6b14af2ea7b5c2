import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { cp, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fontUrls } from "../../src/export/font-faces.js";
import { deckFontsCss, fontSource, themeFontsCss } from "../../src/export/script-fonts.js";
import { startCli } from "../helpers/cli.js";
import { pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

const codes = (text: string) => [...text].map((c) => c.codePointAt(0) as number);
const files = (css: string) => fontUrls(css).map((url) => path.basename(url));
const sourceSans = files(themeFontsCss()).filter((file) => file.startsWith("source-sans-3-"));

describe("the fonts shipped for the scripts Source Sans 3 lacks", () => {
  it("names only files the installed packages have", () => {
    const named = files(themeFontsCss());
    expect(named.length).toBeGreaterThan(sourceSans.length);
    expect(named.filter((file) => !existsSync(fontSource(file)))).toEqual([]);
  });

  it("gives a deck only the faces its characters fall in, Source Sans 3 always", () => {
    expect(files(deckFontsCss([]))).toEqual(sourceSans);
    expect(files(deckFontsCss(codes("ไทย")))).toEqual([
      ...sourceSans,
      "noto-sans-thai-thai-400-normal.woff2",
      "noto-sans-thai-thai-600-normal.woff2",
      "noto-sans-thai-thai-700-normal.woff2",
    ]);
    expect(files(deckFontsCss(codes("🚀")))).toEqual([
      ...sourceSans,
      // Travel, and people: 🧑‍🚀 is drawn from the slice it is in.
      "noto-emoji-5-400-normal.woff2",
      "noto-emoji-5-700-normal.woff2",
      "noto-emoji-8-400-normal.woff2",
      "noto-emoji-8-700-normal.woff2",
    ]);
    // In 8 of the emoji font's 11 slices; drawn with the emoji before it.
    expect(files(deckFontsCss(codes("\uFE0F")))).toEqual(sourceSans);
  });
});

describe("briefs in Thai, Hindi, Arabic and Hebrew and with emoji, on a machine without fonts for them", () => {
  let out: string;
  let build: { status: number | null; stderr: string };
  let check: { status: number | null; stdout: string };
  const pdf = (name: string) => path.join(out, name, `${name}.pdf`);
  const text = (name: string) => pdfPages(pdf(name)).join("\n");
  const fonts = (name: string) =>
    execFileSync("pdffonts", [pdf(name)], { encoding: "utf8" })
      .split("\n")
      .slice(2)
      .filter(Boolean)
      .map((line) =>
        line
          .replace(/^\S+\+/, "")
          .split(/\s{2,}/, 2)
          .join(": "),
      );
  const deckFonts = (name: string) =>
    readdirSync(path.join(out, name, "fonts")).filter((file) => !file.startsWith("source-sans"));

  beforeAll(async () => {
    const root = await tempDir("script-fonts");
    const briefs = path.join(root, "briefs");
    out = path.join(root, "out");
    await cp("test/fixtures/scripts", briefs, { recursive: true });
    build = await startCli(["build", briefs, "--out", out, "--single-file"]).done;
    check = await startCli(["check", briefs, "--strict", "--format", "json"]).done;
    const sample = await startCli([
      "build",
      "briefings/putin-kim-summit-2024.yaml",
      "--no-pdf",
      "--out",
      out,
    ]).done;
    expect(sample.status).toBe(0);
  }, 180_000);

  it("build and pass `check --strict` with no character left without a font", () => {
    const warnings = build.stderr.split("\n").filter((line) => /warning/.test(line));
    expect(warnings).toEqual([]);
    expect(build.status).toBe(0);
    expect(JSON.parse(check.stdout).problems).toEqual([]);
    expect(check.status).toBe(0);
  });

  it("embed the fonts as CID TrueType, which keeps the text's spaces, not as Type 3", () => {
    expect(fonts("thai")).toContain("NotoSansThai-Regular: CID TrueType");
    expect(fonts("thai")).toContain("NotoSansThai-Bold: CID TrueType");
    expect(fonts("hindi")).toContain("NotoSansDevanagari-Regular: CID TrueType");
    expect(fonts("arabic-hebrew")).toContain("IBMPlexSansArabic-Bold: CID TrueType");
    // The static Hebrew cut keeps the name of the variable font's first instance.
    expect(fonts("arabic-hebrew")).toContain("NotoSansHebrewThin-Regular: CID TrueType");
    expect(fonts("emoji")).toContain("NotoEmoji-Regular: CID TrueType");
    expect(fonts("emoji").filter((font) => font.includes("Type 3"))).toEqual([]);
  });

  it("give the words back from the PDF with all their letters and their spaces", () => {
    expect(text("thai")).toContain("ศาลรัฐธรรมนูญ ถอดถอน นายกรัฐมนตรี");
    expect(text("hindi").split("\n")).toContain("गोपनीय");
    expect(text("hindi")).toContain("पहलगाम से ऑपरेशन सिंदूर तक");
    // Without -raw, pdftotext puts right-to-left words in reading order, between bidi marks.
    const hebrew = execFileSync("pdftotext", ["-enc", "UTF-8", pdf("arabic-hebrew"), "-"], {
      encoding: "utf8",
    }).replace(/[\u202a-\u202e]/g, "");
    expect(hebrew).toContain("ישראל הגיבה בתקיפה על נמל חודיידה");
    for (const line of [
      "🚀 Launch detected at 0412Z",
      "📡 Radar track held",
      "✅ Allies informed",
      "1️⃣ First stage",
      "🇰🇷 Seoul convened",
      "⚠️ Warning issued",
    ]) {
      expect(text("emoji")).toContain(line);
    }
  });

  it("carry just the fonts of their own scripts, in the deck and in the single file; Latin none", async () => {
    expect(deckFonts("thai")).toEqual([
      "noto-sans-thai-thai-400-normal.woff2",
      "noto-sans-thai-thai-600-normal.woff2",
      "noto-sans-thai-thai-700-normal.woff2",
    ]);
    expect(deckFonts("hindi").filter((file) => file.startsWith("noto"))).toEqual([
      "noto-sans-devanagari-devanagari-400-normal.woff2",
      "noto-sans-devanagari-devanagari-600-normal.woff2",
      "noto-sans-devanagari-devanagari-700-normal.woff2",
    ]);
    expect(deckFonts("emoji").every((file) => file.startsWith("noto-emoji-"))).toBe(true);
    expect(deckFonts("putin-kim-summit-2024").filter((file) => file.startsWith("noto"))).toEqual(
      [],
    );
    const single = await readFile(path.join(out, "thai", "thai.html"), "utf8");
    expect(single).toContain('font-family: "Noto Sans Thai"');
    expect(single).not.toContain('font-family: "Noto Emoji"');
    expect(single).not.toContain('font-family: "Noto Sans Devanagari"');
  });
});
