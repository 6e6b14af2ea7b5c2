import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { startCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const hash = Array.from({ length: 200 }, (_, i) => "0123456789abcdef"[(i * 7 + 3) % 16]).join("");
const korean = "평양에서 열린 정상회담에서 양측은 포괄적 전략 동반자 관계 조약에 서명했다. ";
const japanese = "首脳会談では、防衛協力の強化と経済安全保障について「合意」した。";
const english = "Envoys met again in the capital to settle the terms of the ceasefire. ";

// Texts of one to four lines, so that pages are filled to different depths.
const varied = (text: string, count: number) =>
  Array.from({ length: count }, (_, i) => text.repeat(1 + (i % 4)).slice(0, 30 + ((i * 37) % 170)));

/** A brief whose lists fill many slides, in Korean, Japanese, English and hashes. */
function brief(marked: boolean) {
  const sources = Array.from({ length: 40 }, (_, i) => ({
    id: `s${i + 1}`,
    title: i % 5 === 0 ? `${korean.repeat(2)}${i}` : `Joint statement on the talks, part ${i + 1}`,
    publisher: "Yonhap",
    date: "2024-06-19",
    url:
      i % 7 === 0 ? `https://example.com/${hash}` : `https://en.yna.co.kr/view/AEN20240619000${i}`,
    // Grades and access dates lengthen a source's line, and the grades' key takes room.
    ...(i % 3 === 0 ? {} : { grade: `${"ABCDEF"[i % 6]}${(i % 6) + 1}` }),
    ...(i % 2 === 0 ? { accessed: "2024-06-20" } : {}),
  }));
  const cited = marked ? { sources: sources.map((s) => s.id) } : {};
  return stringify({
    title: "Fitting",
    date: "2024-06-19",
    ...(marked ? { classification: "SECRET//NOFORN", language: "ko" } : {}),
    // Bold is wider: every other item is all bold.
    summary: varied(english, 12).map((text, i) => (i % 2 ? `**${text.trim()}**` : text)),
    timeline: { events: [{ date: "2024-06-19", title: "Talks" }] },
    sections: [
      { type: "points", title: "한국어", items: varied(korean, 24), ...cited },
      { type: "watch", title: "日本語", items: varied(japanese, 24), ...cited },
      {
        type: "points",
        title: "Hashes",
        items: Array.from(
          { length: 8 },
          (_, i) => `Wallet ${i + 1}: ${hash.slice(0, 60 + i * 20)}`,
        ),
        ...cited,
      },
      {
        type: "actors",
        title: "Who is involved",
        people: ["Ann", "Bo", "Cy", "Di", "Ed", "Fay"].map((name) => ({ name, role: "Envoy" })),
      },
      {
        type: "actors",
        title: "누가 관여하나",
        people: varied(korean, 9).map((note, i) => ({ name: `김 ${i + 1}`, role: "특사", note })),
        ...cited,
      },
      {
        type: "judgments",
        title: "Judgments",
        items: varied(japanese, 10).map((statement) => ({ statement, confidence: "moderate" })),
        ...cited,
      },
    ],
    sources,
  });
}

describe("slides fitted by the fonts", () => {
  it("fill slides without any overflowing, with and without banners and sources lines", async () => {
    const work = await tempDir("fit-layout");
    const files = [path.join(work, "plain.yaml"), path.join(work, "marked.yaml")];
    await writeFile(files[0] as string, brief(false));
    await writeFile(files[1] as string, brief(true));
    const out = path.join(work, "out");
    const built = await startCli(["build", ...files, "--out", out, "--strict", "--quiet"]).done;
    expect(built.stderr).not.toContain("warning:");
    expect(built.status).toBe(0);
  });
});
