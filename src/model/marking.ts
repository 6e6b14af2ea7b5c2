import { levelNames, readMarking } from "./classification.js";
import type { Marking } from "./deck.js";
import { type BannerColours, markingColours } from "./marking-colours.js";

/** A project's colours for one marking: either may be left to the theme. */
export interface MarkingColours {
  background?: string;
  color?: string;
}

/**
 * A project's own colours for markings (the config file's `markings`), keyed by a marking as
 * written ("SECRET//NOFORN") or by the name of a level ("SECRET", "TLP:AMBER"), which then
 * stands for every marking of that level.
 */
export type OwnMarkings = Record<string, MarkingColours | undefined>;

/** The banner of a classification, with the project's colours for it if it has any. */
export function markingOf(classification: string, own: OwnMarkings = {}): Marking {
  const read = readMarking(classification);
  const classes = [
    `banner--${read.family}`,
    `banner--${read.level}`,
    ...(read.tlp && read.family !== "tlp" ? ["banner--tlp"] : []),
  ].join(" ");
  const colours = ownColours(classification, read.level, own);
  return {
    text: read.text,
    family: read.family,
    level: read.level,
    classes,
    ...(colours ? { style: markingStyle(colours) } : {}),
    colours: resolvedColours(markingColours[read.level], colours),
  };
}

/** The banner's colours as the style draws them: the project's over the theme's, as #rrggbb. */
function resolvedColours(theme: BannerColours, own: MarkingColours | undefined): BannerColours {
  const background = hex(own?.background);
  const ink = hex(own?.color) ?? (background && contrastInk(background));
  return {
    background: sixDigits(background ?? theme.background),
    ink: sixDigits(ink ?? theme.ink),
  };
}

const sixDigits = (colour: string) =>
  colour.length === 4
    ? `#${[...colour.slice(1)].map((d) => d + d).join("")}`.toLowerCase()
    : colour.toLowerCase();

/** The colours the project set for a marking: its own text's first, else its level's. */
function ownColours(text: string, level: Marking["level"], own: OwnMarkings) {
  const entries = Object.entries(own);
  const written = sameMarking(text);
  const levelName = level === "other" ? undefined : sameMarking(levelNames[level]);
  return (
    entries.find(([key]) => sameMarking(key) === written)?.[1] ??
    entries.find(([key]) => levelName !== undefined && sameMarking(key) === levelName)?.[1]
  );
}

/** The style attributes of every banner the project gave its own colours. */
export function ownMarkingStyles(own: OwnMarkings = {}): string[] {
  return Object.values(own).flatMap((colours) => (colours ? [markingStyle(colours)] : []));
}

/** A marking compared as people write it: case, spaces around it and runs of spaces aside. */
export function sameMarking(text: string): string {
  return text.trim().replace(/\s+/gu, " ").toUpperCase();
}

/**
 * The style attribute that gives a banner the project's colours. `--banner` and
 * `--banner-ink` are the theme's own properties, set on the banner itself so that they win
 * over the theme's; a background without a colour gets black or white text, whichever reads
 * better on it.
 */
export function markingStyle(colours: MarkingColours): string {
  const background = hex(colours.background);
  const ink = hex(colours.color) ?? (background && contrastInk(background));
  return [
    ...(background ? [`--banner: ${background}`] : []),
    ...(ink ? [`--banner-ink: ${ink}`] : []),
  ].join("; ");
}

// The config file's check refuses anything else; a library caller's other values are left out
// rather than written into a style.
function hex(colour: string | undefined): string | undefined {
  return colour !== undefined && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour)
    ? colour
    : undefined;
}

/** Black or white, whichever has the higher WCAG contrast on `background` (#rgb or #rrggbb). */
export function contrastInk(background: string): "#000000" | "#ffffff" {
  const l = luminance(background);
  // Contrast with white is 1.05 / (l + 0.05), with black (l + 0.05) / 0.05.
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}

/** WCAG 2's relative luminance of a hex colour. */
export function luminance(hex: string): number {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
