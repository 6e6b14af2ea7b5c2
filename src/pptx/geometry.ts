// The slide in the units of templates/theme/theme.css: a 1280 × 720 CSS-pixel slide is
// PowerPoint's own 16:9 size (13.333 × 7.5 inches) at 96 pixels an inch, so every position the
// deck's layout computes in pixels is kept as it is, and a font's pixels are its points × 4/3.

import type { Deck } from "../model/deck.js";

/** Inches, as pptxgenjs takes positions, from CSS pixels. */
export const inches = (px: number) => px / 96;

/** Points, as pptxgenjs takes font sizes and line widths, from CSS pixels. */
export const points = (px: number) => px * 0.75;

/** The theme's colours (templates/theme/theme.css), as pptxgenjs writes them: RRGGBB. */
export const colours = {
  ink: "1B2430",
  muted: "5A6472",
  faint: "D9DDE3",
  paper: "FBFAF7",
  accent: "1D3557",
  accentSoft: "E8EDF4",
  asOf: "A32020",
  white: "FFFFFF",
} as const;

/** A CSS colour of a brief (`#rgb` or `#rrggbb`) as RRGGBB. */
export function hex(css: string): string {
  const digits = css.replace(/^#/, "");
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  return full.toUpperCase();
}

/** `color-mix(in srgb, colour share%, white)`: a category's colour lightened, as the theme draws leaders. */
export function mixWithWhite(colour: string, share: number): string {
  const value = Number.parseInt(colour, 16);
  const channel = (shift: number) => {
    const c = (value >> shift) & 0xff;
    return Math.round(c * share + 255 * (1 - share));
  };
  return [16, 8, 0]
    .map((shift) => channel(shift).toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/** A box in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The box in inches, as pptxgenjs places shapes and text. */
export const place = ({ x, y, w, h }: Box) => ({
  x: inches(x),
  y: inches(y),
  w: inches(w),
  h: inches(h),
});

/** Where the parts of every slide are, as `.frame`, `.banner`, `.body` and `.footer` put them. */
export interface Frame {
  width: number;
  height: number;
  side: number;
  /** The height of each classification banner, 0 for a deck without a classification. */
  banner: number;
  /** Where a slide's body starts: under the top banner and the body's padding. */
  top: number;
  /** The footer's top edge, where the body ends. */
  footerTop: number;
  footerHeight: number;
  /** The content width: the slide less its two sides. */
  content: number;
  /** The deck reads from the right: boxes placed from the left are mirrored (see `mirrored`). */
  rtl: boolean;
}

/** The frame of a deck's slides. */
export function frameOf(deck: Deck): Frame {
  const banner = deck.classification ? 30 : 0;
  const height = 720;
  const footerHeight = 44;
  return {
    width: 1280,
    height,
    side: 72,
    banner,
    top: banner + 40,
    footerTop: height - banner - footerHeight,
    footerHeight,
    content: 1280 - 2 * 72,
    rtl: deck.direction === "rtl",
  };
}

/**
 * A box placed as a left-to-right slide has it, where a right-to-left one has it: mirrored
 * across the slide's middle, as the theme's `inline-start` sides are. The timeline is not.
 */
export function mirrored<B extends Box>(frame: Frame, box: B): B {
  return frame.rtl ? { ...box, x: frame.width - box.x - box.w } : box;
}
