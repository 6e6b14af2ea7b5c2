import { beforeAll, describe, expect, it } from "vitest";
import { loadBrief } from "../../src/load/load-brief.js";
import type { Deck, Slide } from "../../src/model/deck.js";
import { pdfExtras } from "../../src/model/pdf-info.js";
import type { NormalBrief } from "../../src/normalize/normal-brief.js";
import { writePptx } from "../../src/pptx/write-pptx.js";
import { renderBrief } from "../../src/render/render-brief.js";
import { type PptxParts, paragraphTexts, readPptx, slideParts } from "../helpers/pptx.js";

// An event's location and importance in the PowerPoint file, read back from its XML.

let deck: Deck;
let parts: PptxParts;
let slides: string[];

beforeAll(async () => {
  const loaded = await loadBrief("briefings/putin-kim-summit-2024.yaml");
  const brief = loaded.brief as NormalBrief;
  const rendered = renderBrief(brief, loaded.name, {});
  deck = rendered.deck;
  const { metadata } = pdfExtras(brief, deck, rendered.html);
  parts = await readPptx(await writePptx({ deck, images: new Map(), metadata }));
  slides = slideParts(parts);
});

const xmlOf = (slide: Slide) => parts.xml.get(slides[slide.number - 1] as string) as string;
const textOf = (slide: Slide) => paragraphTexts(xmlOf(slide));

/** How many ellipses of the slide are `px` CSS pixels across (a px is 9525 EMU). */
const ellipses = (xml: string, px: number) =>
  [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].filter(
    ([sp]) =>
      sp.includes('<a:prstGeom prst="ellipse"') &&
      new RegExp(`<a:ext cx="${Math.round(px * 9525)}" cy="${Math.round(px * 9525)}"/>`).test(sp),
  ).length;

describe("an event's location in the PowerPoint file", () => {
  it("follows its date on its slide", () => {
    const located = deck.slides.filter(
      (s): s is Extract<Slide, { kind: "event" }> => s.kind === "event" && !!s.event.location,
    );
    expect(located.length).toBeGreaterThan(2);
    for (const slide of located) {
      expect(textOf(slide)).toContainEqual(
        expect.stringContaining(`${slide.event.dateText} · ${slide.event.location}`),
      );
    }
  });

  it("follows its date on the overview's label where the deck shows it there, and only there", () => {
    const overview = deck.slides.find((s) => s.kind === "overview") as Extract<
      Slide,
      { kind: "overview" }
    >;
    const texts = textOf(overview);
    const shown = overview.plot.events.filter((e) => e.location);
    const left = overview.plot.events.filter((e) => e.event.location && !e.location);
    expect(shown.length).toBeGreaterThan(0);
    expect(left.length).toBeGreaterThan(0);
    for (const e of shown) expect(texts).toContain(`${e.event.dateText} · ${e.location}`);
    for (const e of left) {
      expect(texts.join("\n")).not.toContain(`${e.event.dateText} · ${e.event.location}`);
    }
  });
});

describe("an event's importance in the PowerPoint file", () => {
  it("draws a high event's dot larger on the overview, as the theme does", () => {
    const overview = deck.slides.find((s) => s.kind === "overview") as Slide;
    const high = deck.slides.flatMap((s) =>
      s.kind === "overview"
        ? s.plot.events.filter((e) => e.event.importance === "high" && !e.event.approx)
        : [],
    );
    expect(high.length).toBe(2);
    // The ring 24 px across (`.tl__event--high .tl__dot`), where other dots' are 17.5.
    expect(ellipses(xmlOf(overview), 24)).toBe(high.length);
  });

  it("draws a high event's dot larger on another event's strip", () => {
    const slide = deck.slides.find((s) => s.kind === "event" && s.event.importance !== "high");
    const strip = slide?.kind === "event" ? slide.strip : undefined;
    const high = strip?.dots.filter((d) => d.high && !d.current) ?? [];
    expect(high.length).toBe(2);
    expect(ellipses(xmlOf(slide as Slide), 12)).toBe(high.length);
  });
});
