import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Metadata, Sharp } from "sharp";
import type { Problem } from "../errors.js";
import type { LoadedBrief } from "../load/load-brief.js";
import type { Brief } from "../load/schema.js";
import { cachedMade } from "./made-cache.js";

/** How a slide shows an image: within a box, or filling one and cropped (`object-fit: cover`). */
export interface ImageBox {
  width: number;
  height: number;
  fit: "inside" | "cover";
}

/**
 * The boxes templates/theme/theme.css gives images, in CSS pixels (a test holds them to it):
 * an event's figure, an actor's round portrait, and the picture of an image slide, as wide as
 * the slide less its two sides.
 */
export const imageBoxes = {
  event: { width: 420, height: 460, fit: "inside" },
  actor: { width: 72, height: 72, fit: "cover" },
  picture: { width: 1280 - 2 * 72, height: 520, fit: "inside" },
} as const satisfies Record<string, ImageBox>;

// Pixels per CSS pixel: a slide of 1280 CSS pixels fills a 2560-pixel screen or projector
// sharply, and a printed page zoomed in twice.
const density = 2;
// Re-encoded at this quality a photo looks as it did on a slide and weighs about a third of a
// byte a pixel.
const jpegQuality = 82;
// Below this an image that needs no scaling and carries no metadata is kept byte for byte:
// re-encoding it would save little and cost a generation of quality.
const smallBytes = 200 * 1024;
// Bump when the way images are scaled changes, so cached copies and decks are made again.
const scaleVersion = 1;

/** How images are scaled, for deciding whether a deck is up to date: see `scaleImages`. */
export function imageScaling(): unknown {
  return [scaleVersion, imageBoxes, density];
}

/** The images of a deck made for its slides: bytes by the brief's path, and what could not be read. */
export interface ScaledImages {
  bytes: Map<string, Uint8Array>;
  /** By the brief's path. */
  warnings: Map<string, Problem>;
}

/**
 * The warnings about images that could not be scaled, less those about images the browser
 * says do not load (`layout`, see `layoutProblems`): one warning an image, and where the
 * browser looked, the one `check` gives too.
 */
export function unscaledWarnings(scaled: ScaledImages, layout: readonly Problem[]): Problem[] {
  const notLoaded = new Set(
    layout.filter((w) => w.code === "image-not-loaded").map((w) => w.image),
  );
  return [...scaled.warnings].filter(([ref]) => !notLoaded.has(ref)).map(([, warning]) => warning);
}

/** Every box each image of a brief is shown in, by the path the brief names it with. */
export function imageUses(brief: Brief): Map<string, ImageBox[]> {
  const uses = new Map<string, ImageBox[]>();
  const add = (ref: string | undefined, box: ImageBox) => {
    if (ref !== undefined) uses.set(ref, [...(uses.get(ref) ?? []), box]);
  };
  for (const event of brief.timeline.events) add(event.image, imageBoxes.event);
  for (const section of brief.sections ?? []) {
    if (section.type === "image") add(section.src, imageBoxes.picture);
    if (section.type === "actors") {
      for (const person of section.people) add(person.image, imageBoxes.actor);
    }
  }
  return uses;
}

/**
 * The brief's images as the deck should carry them: no larger than twice the largest box a
 * slide shows each in, turned upright as their EXIF says, and without their metadata (a
 * photo's GPS position must not travel with an emailed PDF). A JPEG stays a JPEG, a PNG a PNG
 * (its transparency and flat colours intact), WebP and AVIF stay themselves: the file keeps
 * the name the deck's pages use for it. SVG (drawn at any size) and GIF (perhaps animated) are
 * kept as they are, and so is an image that cannot be read, with a warning: the browser may
 * still show it, and `check` says when it does not. Scaled copies are cached across builds.
 */
export async function scaleImages(loaded: LoadedBrief, brief: Brief): Promise<ScaledImages> {
  const uses = imageUses(brief);
  const result: ScaledImages = { bytes: new Map(), warnings: new Map() };
  await Promise.all(
    [...loaded.images].map(async ([ref, file]) => {
      const original = new Uint8Array(await readFile(file));
      const scaled = await scaledCopy(original, path.extname(file), uses.get(ref) ?? []);
      if (scaled === "unreadable") {
        result.warnings.set(ref, unreadable(loaded, brief, ref));
        return;
      }
      if (scaled !== original) result.bytes.set(ref, scaled);
    }),
  );
  return result;
}

/** The bytes the deck should carry for one image: `original` itself when it is best kept. */
async function scaledCopy(
  original: Uint8Array,
  extension: string,
  boxes: ImageBox[],
): Promise<Uint8Array | "unreadable"> {
  const format = formats[extension.toLowerCase()];
  if (!format || boxes.length === 0) return original;
  const { default: sharp } = await import("sharp");
  const key = [
    scaleVersion,
    sharp.versions,
    extension,
    boxes,
    createHash("sha256").update(original).digest("hex"),
  ];
  const made = await cachedMade(
    "images",
    key,
    async () => {
      try {
        return await encoded(sharp(original), original, format, boxes);
      } catch {
        // Not an image, or a truncated one: libvips's words would not help the reader.
        return undefined;
      }
    },
    (bytes) => bytes.length > 0,
  );
  if (!made) return "unreadable";
  // An original best kept as it is was cached as itself.
  return Buffer.compare(made, original) === 0 ? original : made;
}

type Format = (image: Sharp, meta: Metadata) => Sharp;

const formats: Record<string, Format> = {
  ".jpg": (image) => image.jpeg({ quality: jpegQuality }),
  ".jpeg": (image) => image.jpeg({ quality: jpegQuality }),
  // A diagram of a few colours stays one: as full colour its scaled copy could grow.
  ".png": (image, meta) =>
    image.png({ compressionLevel: 9, adaptiveFiltering: true, palette: meta.isPalette }),
  ".webp": (image) => image.webp({ quality: jpegQuality }),
  ".avif": (image) => image.avif({ quality: 60 }),
};

async function encoded(
  image: Sharp,
  original: Uint8Array,
  format: Format,
  boxes: ImageBox[],
): Promise<Uint8Array> {
  const meta = await image.metadata();
  // An animated WebP would lose all but its first frame.
  if ((meta.pages ?? 1) > 1) return original;
  const { width, height } = meta.autoOrient;
  const scale = Math.min(1, Math.max(...boxes.map((box) => scaleFor(box, width, height))));
  const metadata = !!(meta.exif || meta.xmp || meta.iptc);
  if (scale === 1 && !metadata && original.length <= smallBytes) return original;
  const size = {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
  // Decoding the whole image here is what finds a truncated file, which metadata() does not.
  const bytes = await format(image.autoOrient().resize(size), meta).toBuffer();
  // Re-encoding a small, clean image can make it bigger: then it is best as it was.
  return bytes.length >= original.length && !metadata && scale === 1
    ? original
    : new Uint8Array(bytes);
}

/** The scale at which an image of `width` × `height` shows as sharp in `box` as a screen can. */
function scaleFor(box: ImageBox, width: number, height: number): number {
  const across = (box.width * density) / width;
  const down = (box.height * density) / height;
  return box.fit === "cover" ? Math.max(across, down) : Math.min(across, down);
}

function unreadable(loaded: LoadedBrief, brief: Brief, ref: string): Problem {
  const at = refPath(brief, ref);
  return {
    code: "image-not-loaded",
    message: `the image "${ref}" cannot be read (is it a real image file?): it is put in the deck as it is, not scaled for its slide`,
    file: loaded.file,
    pos: loaded.positionOf(at),
    path: at,
    image: ref,
  };
}

/** Where the brief first names `ref`. */
function refPath(brief: Brief, ref: string): (string | number)[] {
  const event = brief.timeline.events.findIndex((e) => e.image === ref);
  if (event >= 0) return ["timeline", "events", event, "image"];
  for (const [i, section] of (brief.sections ?? []).entries()) {
    if (section.type === "image" && section.src === ref) return ["sections", i, "src"];
    if (section.type === "actors") {
      const person = section.people.findIndex((p) => p.image === ref);
      if (person >= 0) return ["sections", i, "people", person, "image"];
    }
  }
  return [];
}
