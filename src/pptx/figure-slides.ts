// The slides that are not lists or the timeline: the cover, people, a quote, a picture.
import { type InlineRun, plainText } from "../markup/inline.js";
import type { Slide } from "../model/deck.js";
import { actorStacking } from "../model/fit.js";
import { lineBreaksOf } from "../model/line-breaks.js";
import { lineCount, type TextRun } from "../model/measure-text.js";
import { colours, mirrored, place, points } from "./geometry.js";
import { spacedCapitals } from "./master.js";
import { inlineRuns, type Paragraph, paragraphs, piecesText, plainRun } from "./runs.js";
import { addCited, addHeading, addTitle, bodyBottom, type SlideContext } from "./slide-context.js";
import { addPicture, contained } from "./timeline-slides.js";

type Of<K extends Slide["kind"]> = Extract<Slide, { kind: K }>;

/** The cover: the kicker, the title in the title placeholder, the subtitle, author and date. */
export function addCover(context: SlideContext, of: Of<"title">): void {
  const { slide, frame, text, deck, titles } = context;
  const box = titles.Title.box;
  const size = of.longTitle ? 40 : 64;
  addTitle(context, "Title", [{ text: of.title, options: {} }], size);
  const breaks = lineBreaksOf(deck.language);
  const titleLines = lineCount([{ text: of.title, style: { size, weight: 700 } }], box.w, breaks);
  const kickerTop = box.y - 12 - 27;
  slide.addText(deck.labels.kicker.toLocaleUpperCase(deck.language), {
    ...place({ x: box.x, y: kickerTop, w: box.w, h: 27 }),
    ...text,
    ...(spacedCapitals(deck.language) ? { charSpacing: points(20 * 0.2) } : {}),
    margin: 0,
    valign: "bottom",
    fontSize: points(20),
    bold: true,
    color: colours.muted,
  });
  let y = box.y + titleLines * size * 1.08;
  const lines: Paragraph[] = [];
  if (of.subtitle) {
    const subtitleLines = lineCount(
      [{ text: of.subtitle, style: { size: 32, weight: 400 } }],
      box.w,
      breaks,
    );
    lines.push(plainRun(of.subtitle, { ...text, fontSize: points(32), color: colours.ink }));
    y += 18 + subtitleLines * 32 * 1.35;
  }
  const meta = [of.author, piecesText(deck.asOf)].filter(Boolean).join("  ·  ");
  lines.push(
    plainRun(meta, {
      ...text,
      fontSize: points(24),
      color: colours.muted,
      paraSpaceBefore: points(of.subtitle ? 40 : 0),
    }),
  );
  const metaTop = box.y + titleLines * size * 1.08 + 18;
  slide.addText(paragraphs(lines, { lineSpacingMultiple: 1.12 }), {
    ...place({ x: box.x, y: metaTop, w: box.w, h: frame.footerTop - 16 - metaTop }),
    margin: 0,
    valign: "top",
  });
  y += (of.subtitle ? 40 : 18) + 24 * 1.35;
  slide.addShape("rect", {
    ...place(mirrored(frame, { x: frame.side, y: kickerTop, w: 8, h: y - kickerTop })),
    fill: { color: colours.accent },
    line: { type: "none" },
  });
}

/** The people of an actors slide, each beside their round portrait, ruled as the theme has. */
export function addActors(context: SlideContext, of: Of<"actors">): void {
  const { slide, frame, text, deck } = context;
  const breaks = lineBreaksOf(deck.language);
  let y = addHeading(context, of);
  for (const person of of.people) {
    const height = actorStacking.height(person, breaks);
    slide.addShape("rect", {
      ...place(mirrored(frame, { x: frame.side, y, w: 4, h: height })),
      fill: { color: colours.accentSoft },
      line: { type: "none" },
    });
    const portrait = person.image ? context.images.get(person.image) : undefined;
    const left = frame.side + 24 + (portrait ? 92 : 0);
    if (portrait) {
      const scale = Math.max(72 / portrait.width, 72 / portrait.height);
      const crop = { w: portrait.width * scale, h: portrait.height * scale };
      // Cropped to a circle as `object-fit: cover` and a round border do.
      context.slide.addImage({
        data: portrait.data,
        ...place(mirrored(frame, { x: frame.side + 24, y, w: 72, h: 72 })),
        sizing: { type: "cover", w: 72 / 96, h: 72 / 96 },
        w: crop.w / 96,
        h: crop.h / 96,
        altText: person.alt || person.name,
        rounding: true,
      });
    }
    const lines = [
      plainRun(person.name, { ...text, fontSize: points(28), bold: true, color: colours.ink }),
      inlineRuns(person.role, { ...text, fontSize: points(24), bold: true, color: colours.accent }),
      ...(person.note
        ? [inlineRuns(person.note, { ...text, fontSize: points(24), color: colours.muted })]
        : []),
    ];
    slide.addText(paragraphs(lines, { lineSpacingMultiple: 1.12 }), {
      ...place(mirrored(frame, { x: left, y, w: frame.side + frame.content - left, h: height })),
      margin: 0,
      valign: "top",
    });
    y += height + actorStacking.space;
  }
  addCited(context, of);
}

/** A quote, large, with its attribution (the slide's title) under it. */
export function addQuote(context: SlideContext, of: Of<"quote">): void {
  const { slide, frame, text, titles } = context;
  const attribution = titles.Quote.box;
  addTitle(context, "Quote", [{ text: `— ${of.attribution}`, options: {} }]);
  const top = frame.top + 40;
  const bottom = attribution.y - 28;
  const breaks = lineBreaksOf(context.deck.language);
  const lines = lineCount(runsOf(of.text, 46), attribution.w, breaks);
  const quoteTop = Math.max(top, bottom - lines * 46 * 1.25);
  slide.addText("“", {
    ...place(mirrored(frame, { x: frame.side + 16, y: quoteTop - 24, w: 64, h: 130 })),
    ...text,
    margin: 0,
    valign: "top",
    fontSize: points(120),
    color: colours.faint,
  });
  const style = { ...text, fontSize: points(46), bold: true, color: colours.accent };
  slide.addText(paragraphs([inlineRuns(of.text, style)], { lineSpacingMultiple: 1.05 }), {
    ...place({ x: attribution.x, y: top, w: attribution.w, h: bottom - top }),
    margin: 0,
    valign: "bottom",
  });
  addCited(context, of);
}

/** Inline runs as the measure takes them: their text, bold where marked. */
function runsOf(runs: readonly InlineRun[], size: number, weight: 600 | 700 = 600): TextRun[] {
  return runs.flatMap((run): TextRun[] =>
    "text" in run
      ? [{ text: run.text, style: { size, weight } }]
      : runsOf(run.runs, size, "strong" in run ? 700 : weight),
  );
}

/** A picture as large as the slide allows, its caption and credit (the title) under it. */
export function addImageSlide(context: SlideContext, of: Of<"image">): void {
  const { frame, titles, deck } = context;
  const caption = titles.Picture.box;
  const credit = of.credit
    ? inlineRuns(of.credit, { ...context.text, fontSize: points(18), color: colours.muted })
    : [];
  const runs = of.caption ? inlineRuns(of.caption, {}) : [];
  const both = runs.length > 0 && credit.length > 0 ? [{ text: " ", options: {} }] : [];
  if (runs.length + credit.length > 0) addTitle(context, "Picture", [...runs, ...both, ...credit]);
  const image = context.images.get(of.src);
  if (image) {
    const top = frame.top;
    const bottom = (runs.length + credit.length > 0 ? caption.y : bodyBottom(frame, of)) - 14;
    const box = { x: frame.side, y: top, w: frame.content, h: bottom - top };
    const alt = of.alt || plainText(of.credit ?? []) || deck.title;
    addPicture(context, image, contained(image, { w: box.w, h: Math.min(520, box.h) }, box), alt);
  }
  addCited(context, of);
}
