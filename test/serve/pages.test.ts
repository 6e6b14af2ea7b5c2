import { describe, expect, it } from "vitest";
import { briefCard, loadPageTemplate } from "../../src/serve/pages.js";
import { emptyPreview, refreshPreview } from "../../src/serve/preview.js";

// The index's card of a brief speaks the brief's language: its date, its count of events and
// its links, each brief in its own, whatever the others are written in.

async function card(file: string) {
  const preview = emptyPreview(file);
  await refreshPreview(preview, {});
  return briefCard(preview);
}

describe("the index's cards", () => {
  it("are written in each brief's language", async () => {
    const ko = await card("test/fixtures/languages/ko.yaml");
    const ar = await card("test/fixtures/languages/ar.yaml");
    expect(ko.events).toBe("사건 5건");
    // PDF and PowerPoint are the formats' own names, in every language.
    expect(ko.links.map((link) => link.label)).toEqual([
      "발표",
      "PDF",
      "배포 자료",
      "단일 파일",
      "PowerPoint",
    ]);
    expect(ar.events).toBe("5 أحداث");
    const html = loadPageTemplate()({ title: "briefings", briefs: [ko, ar] });
    expect(html).toContain('lang="ko-KR" dir="ltr"');
    expect(html).toContain('lang="ar" dir="rtl"');
    expect(html).toContain("<bdi>2024년 6월 19일</bdi> 기준");
    expect(html).toContain("حتى <bdi>19 يونيو 2024</bdi>");
    const shown = html.replace(/<[^>]*>/g, " ");
    expect(shown).not.toMatch(/As of|events|Present|Handout|Single file/);
  });
});
