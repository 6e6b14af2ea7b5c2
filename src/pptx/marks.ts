// The small marks the deck sets among its words, drawn as shapes: a badge ("New", "Changed")
// in its thin rounded frame, and a yardstick's bands on a scale of 0 to 100 %.
import type { ScaleBand } from "../model/deck.js";
import { textWidth } from "../model/measure-text.js";
import { colours, mirrored, place, points } from "./geometry.js";
import type { SlideContext } from "./slide-context.js";

/** How a badge is set: its font size and line height in px (`.badge`, `.tl__badge`). */
export interface BadgeSize {
  size: number;
  line: number;
  padding: number;
}

/** `.badge`: 12 px capitals in an 18 px frame; 14 px after an event's date; 10 px on the overview. */
export const badgeSize: BadgeSize = { size: 12, line: 18, padding: 6 };
export const eventBadgeSize: BadgeSize = { size: 14, line: 20, padding: 6 };
export const overviewBadgeSize: BadgeSize = { size: 10, line: 14, padding: 4 };

/** The colour of the rule beside a judgment or a confidence level: the accent for high. */
export const confidenceColours: Record<string, string> = { low: "A0AEC0", moderate: "4A77B4" };

/** The width in px of a badge's frame around `words`. */
export function badgeWidth(words: string, size: BadgeSize = badgeSize): number {
  const style = { size: size.size, weight: 600, letterSpacing: size.size * 0.06 } as const;
  return Math.ceil(textWidth(words.toUpperCase(), style)) + 2 * size.padding + 2;
}

/**
 * A badge at `x`, `y` (its frame's top left, in a left-to-right slide's pixels): its words in
 * capitals, muted, in a thin rounded frame of the same colour. Returns its width.
 */
export function addBadge(
  context: SlideContext,
  words: string,
  at: { x: number; y: number },
  size: BadgeSize = badgeSize,
  mirror = true,
): number {
  const { deck, frame, text } = context;
  const upper = words.toLocaleUpperCase(deck.language);
  const w = badgeWidth(upper, size);
  const box = { x: at.x, y: at.y, w, h: size.line };
  context.slide.addText(upper, {
    ...place(mirror ? mirrored(frame, box) : box),
    ...text,
    shape: "roundRect",
    rectRadius: 3 / 96,
    line: { color: colours.muted, width: points(1) },
    margin: 0,
    align: "center",
    valign: "middle",
    fontSize: points(size.size),
    bold: true,
    ...(deck.capitals ? { charSpacing: points(size.size * 0.06) } : {}),
    color: colours.muted,
    wrap: false,
  });
  return w;
}

/**
 * A yardstick's bands from 0 to 100 %, left to right in every language as the timeline's axis
 * is: each band a bar, this one's in the accent, the others faint, over a thin base line.
 */
export function addScale(
  context: SlideContext,
  bands: readonly ScaleBand[],
  box: { x: number; y: number; w: number; h: number },
): void {
  const { slide } = context;
  for (const band of bands) {
    // The paper's 1 px on each side keeps neighbouring bands apart, as the theme's inset shadow.
    const left = box.x + (band.left / 100) * box.w + 1;
    const width = Math.max(1, (band.width / 100) * box.w - 2);
    slide.addShape("rect", {
      ...place({ x: left, y: box.y, w: width, h: box.h }),
      fill: { color: band.current ? colours.accent : colours.faint },
      line: { type: "none" },
    });
  }
  slide.addShape("line", {
    ...place({ x: box.x, y: box.y + box.h, w: box.w, h: 0 }),
    line: { color: "B8BFC9", width: points(1) },
  });
}
