import { execFileSync } from "node:child_process";
import { cp, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { startCli } from "../helpers/cli.js";
import { pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

const briefs = ["korean", "japanese", "chinese-simplified", "chinese-traditional"];

/** The fonts of a PDF as pdffonts lists them, "name: type" without the subset tag. */
function fonts(file: string): string[] {
  return execFileSync("pdffonts", [file], { encoding: "utf8" })
    .split("\n")
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const type = /CID TrueType|Type 3|CID Type 0C|TrueType|Type 1C?/.exec(line)?.[0];
      return `${(line.split(/\s+/)[0] as string).replace(/^\S+\+/, "")}: ${type}`;
    });
}

describe("Korean, Japanese and Chinese briefs on a machine without CJK fonts of its own", () => {
  let out: string;
  let withSystemFonts: string;
  let status: (number | null)[];
  const pdf = (name: string, kind = "") => path.join(out, name, `${name}${kind}.pdf`);

  beforeAll(async () => {
    const root = await tempDir("cjk-fonts");
    const folder = path.join(root, "briefs");
    out = path.join(root, "out");
    withSystemFonts = path.join(root, "system");
    await cp("test/fixtures/cjk", folder, { recursive: true });
    // Fontconfig that knows DejaVu alone: no Noto Sans CJK for Chromium to fall back to.
    const config = path.join(root, "fonts.conf");
    await writeFile(
      config,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${root}/fc</cachedir></fontconfig>`,
    );
    const args = ["build", folder, "--handout", "--single-file", "--force"];
    const runs = await Promise.all([
      startCli([...args, "--out", out], { FONTCONFIG_FILE: config }).done,
      startCli([...args, "--out", withSystemFonts]).done,
    ]);
    status = runs.map((run) => run.status);
  }, 240_000);

  it("build", () => {
    expect(status).toEqual([0, 0]);
  });

  it("embed every font as CID TrueType, none as Type 3, in the PDF and the handout", () => {
    for (const name of briefs) {
      // Built with the system's Noto Sans CJK too: none of its CFF faces may stand in for a
      // character of the slides, the notes or the margins (the classification banner).
      const system = path.join(withSystemFonts, name, `${name}-handout.pdf`);
      for (const file of [pdf(name), pdf(name, "-handout"), system]) {
        expect(fonts(file).filter((font) => !font.endsWith("CID TrueType"))).toEqual([]);
      }
    }
    // Each cut under the name of its weight, not the variable font's default instance (Thin).
    expect(fonts(pdf("korean"))).toContain("NotoSansKR-Regular: CID TrueType");
    expect(fonts(pdf("korean"))).toContain("NotoSansKR-Bold: CID TrueType");
    expect(fonts(pdf("japanese"))).toContain("NotoSansJP-Regular: CID TrueType");
    expect(fonts(pdf("chinese-simplified"))).toContain("NotoSansSC-Regular: CID TrueType");
    expect(fonts(pdf("chinese-traditional"))).toContain("NotoSansTC-Regular: CID TrueType");
    for (const name of briefs) {
      for (const file of [pdf(name), pdf(name, "-handout")]) {
        expect(fonts(file).join()).not.toContain("-Thin");
      }
    }
    // The Japanese and Korean forms are not drawn for Chinese.
    expect(fonts(pdf("chinese-simplified")).join()).not.toMatch(/NotoSans(KR|JP|TC)/);
  });

  it("give the words back from the PDF with their spaces", () => {
    const text = (name: string, kind = "") => pdfPages(pdf(name, kind)).join("\n");
    expect(text("korean").split("\n")).toContain("2018년 판문점 남북정상회담");
    expect(text("korean")).toContain("푸틴-김정은 평양 정상회담까지");
    expect(text("korean", "-handout")).toContain("발표자 메모에만 있는 낱말 궤멸");
    // The banner is letter-spaced.
    expect(text("korean", "-handout")).toContain("대외비");
    expect(text("japanese").split("\n")).toContain("日米首脳会談 直前の論点");
    expect(text("chinese-simplified").split("\n")).toContain("台海局势 直接对话");
    expect(text("chinese-traditional").split("\n")).toContain("台海局勢 直接對話");
  });

  it("carry the same font files as a deck built where the system has them", async () => {
    for (const name of briefs) {
      const files = (dir: string) => readdir(path.join(dir, name, "fonts"));
      expect(await files(out)).toEqual(await files(withSystemFonts));
    }
  });
});
