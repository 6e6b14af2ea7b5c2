import type { Deck } from "../model/deck.js";
import { type Box, colours, type Frame, hex, mirrored, place, points } from "./geometry.js";
import type { MasterProps, Presentation } from "./pptxgenjs.js";
import { piecesText, type RunStyle } from "./runs.js";

/**
 * The layouts of the deck's one slide master, each named for the slides made on it; they
 * differ only in where the title placeholder is and how its text is set.
 */
export type LayoutName = "Title" | "Heading" | "Event" | "Event and picture" | "Quote" | "Picture";

/** How a layout's title is set: its box in pixels and its font. */
export interface TitleStyle {
  box: Box;
  size: number;
  bold: boolean;
  color: string;
}

/** The title placeholder of each layout, where the theme puts each kind of slide's title. */
export function titleStyles(frame: Frame): Record<LayoutName, TitleStyle> {
  const heading = { size: 44, bold: true, color: colours.accent };
  const { side, top, content } = frame;
  const start = (box: Box) => mirrored(frame, box);
  return {
    Title: {
      box: start({ x: side + 40, y: top + 150, w: content - 40, h: 140 }),
      ...heading,
      size: 64,
    },
    Heading: { box: { x: side, y: top, w: content, h: 70 }, ...heading },
    // Under the event's date; beside the event's picture, in the text's column.
    Event: { box: start({ x: side, y: top + 42, w: 980, h: 104 }), ...heading },
    "Event and picture": {
      box: start({ x: side, y: top + 42, w: content - 468, h: 104 }),
      ...heading,
    },
    // The attribution under the quote, in the middle of the slide (a longer quote grows up
    // from it); the caption under the picture.
    Quote: {
      box: { x: side + 80, y: top + 290, w: content - 160, h: 100 },
      size: 24,
      bold: false,
      color: colours.muted,
    },
    Picture: {
      box: { x: side, y: frame.footerTop - 16 - 26 - 12 - 64, w: content, h: 64 },
      size: 24,
      bold: false,
      color: colours.ink,
    },
  };
}

// Capitals spaced out, as the theme sets the banner; scripts without capitals are not (they
// would read as letters apart, and Arabic's would lose their joins).
const unspaced = /^(ko|ja|zh|ar|fa|he|ur)\b/i;

/** Whether the deck's language is written in capitals that the theme spaces out. */
export const spacedCapitals = (language: string) => !unspaced.test(language);

/**
 * The deck's slide master, as a layout for each kind of slide (pptxgenjs's "masters"): the
 * classification banner at the top and bottom in its marking's colours, the footer (the deck's
 * title, its as-of date, the slide number as a field) and the title placeholder each slide's
 * title goes into. `repack` moves the banners and footer onto the one real master.
 */
export function defineLayouts(pres: Presentation, deck: Deck, frame: Frame, text: RunStyle): void {
  const common = frameObjects(deck, frame, text);
  const right = frame.width - frame.side;
  const slideNumber = {
    ...place(mirrored(frame, { x: right - 60, y: frame.footerTop, w: 60, h: frame.footerHeight })),
    fontSize: points(16),
    bold: true,
    color: colours.ink,
    align: frame.rtl ? ("left" as const) : ("right" as const),
    valign: "middle" as const,
    margin: 0,
  };
  for (const [name, style] of Object.entries(titleStyles(frame))) {
    pres.defineSlideMaster({
      title: name,
      background: { color: colours.paper },
      objects: [
        ...common,
        {
          placeholder: {
            options: {
              ...place(style.box),
              ...text,
              name: "title",
              type: "title",
              margin: 0,
              align: name === "Picture" ? "center" : text.rtlMode ? "right" : "left",
              valign: name === "Picture" ? "bottom" : "top",
              fontSize: points(style.size),
              bold: style.bold,
              color: style.color,
            },
            text: "",
          },
        },
      ],
      slideNumber,
    });
  }
}

type MasterObject = NonNullable<MasterProps["objects"]>[number];

/** The banners and the footer, on every layout. */
function frameObjects(deck: Deck, frame: Frame, text: RunStyle): MasterObject[] {
  const objects: MasterObject[] = [];
  const marking = deck.marking;
  if (marking) {
    const fill = { color: hex(marking.colours.background) };
    const words = marking.text.toLocaleUpperCase(deck.language);
    // A TLP label is set at 16 px, 12 pt on the printed page, as FIRST asks (`.banner--tlp`).
    const size = marking.classes.split(" ").includes("banner--tlp") ? 16 : 15;
    const spacing = spacedCapitals(deck.language) ? { charSpacing: points(size * 0.14) } : {};
    for (const y of [0, frame.height - frame.banner]) {
      const box = place({ x: 0, y, w: frame.width, h: frame.banner });
      objects.push({ rect: { ...box, fill, line: { type: "none" } } });
      const options = { ...box, ...text, ...spacing, align: "center", valign: "middle" } as const;
      objects.push({
        text: {
          text: words,
          options: {
            ...options,
            margin: 0,
            fontSize: points(size),
            bold: true,
            color: hex(marking.colours.ink),
          },
        },
      });
    }
  }
  const footer = { y: frame.footerTop, h: frame.footerHeight };
  const right = frame.width - frame.side;
  objects.push({
    line: {
      ...place({ x: frame.side, y: frame.footerTop, w: frame.content, h: 0 }),
      line: { color: colours.faint, width: points(1) },
    },
  });
  const footerText = { ...text, fontSize: points(16), color: colours.muted, margin: 0 };
  objects.push({
    text: {
      text: deck.title,
      options: {
        ...place(mirrored(frame, { x: frame.side, w: 700, ...footer })),
        ...footerText,
        valign: "middle",
        wrap: false,
      },
    },
  });
  objects.push({
    text: {
      text: piecesText(deck.asOf),
      options: {
        ...place(mirrored(frame, { x: right - 80 - 400, w: 400, ...footer })),
        ...footerText,
        align: frame.rtl ? "left" : "right",
        valign: "middle",
      },
    },
  });
  return objects;
}
