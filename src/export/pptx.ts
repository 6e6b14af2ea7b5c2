import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { BriefingError } from "../errors.js";
import { inside } from "../inside-folder.js";
import type { Deck } from "../model/deck.js";
import type { PdfMetadata } from "../model/pdf-info.js";
import type { DeckImage } from "../pptx/write-pptx.js";
import type { Output } from "./outputs.js";

// What PowerPoint, Keynote, Google Slides and LibreOffice all show; another image (SVG, WebP,
// AVIF) goes into the file as a PNG.
const kept: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
};

/** Every image the deck's slides show, by the path they name it with. */
function imagePaths(deck: Deck): Set<string> {
  const paths = new Set<string>();
  for (const slide of deck.slides) {
    if (slide.kind === "event" && slide.event.image) paths.add(slide.event.image);
    if (slide.kind === "image") paths.add(slide.src);
    if (slide.kind === "actors") {
      for (const person of slide.people) if (person.image) paths.add(person.image);
    }
  }
  return paths;
}

/**
 * The deck's images as its folder holds them (scaled for their slides, without their
 * metadata), with their sizes. sharp is loaded only for a deck that has images.
 */
async function deckImages(deck: Deck, folder: string): Promise<Map<string, DeckImage>> {
  const images = new Map<string, DeckImage>();
  const paths = imagePaths(deck);
  if (paths.size === 0) return images;
  const { default: sharp } = await import("sharp");
  for (const ref of paths) {
    const file = path.resolve(folder, ...ref.split("/").map(decodeURIComponent));
    if (!inside(path.resolve(folder), file)) {
      throw new BriefingError("internal", `the deck refers to ${ref}, outside its folder`);
    }
    const bytes = await readFile(file);
    const type = kept[path.extname(file).toLowerCase()];
    try {
      const image = type ? sharp(bytes) : sharp(bytes, { density: 192 }).png();
      const data = type ? bytes : await image.toBuffer();
      const { width, height } = (await sharp(data).metadata()).autoOrient;
      const base64 = Buffer.from(data).toString("base64");
      images.set(ref, { data: `${type ?? "image/png"};base64,${base64}`, width, height });
    } catch {
      // Not an image after all: the build has warned of it (see scaleImages); the slide goes
      // without it, as the deck's page shows none.
    }
  }
  return images;
}

/** The deck as a PowerPoint file's bytes, its images read from the deck's folder. */
export async function makePptx(deck: Deck, folder: string, metadata: PdfMetadata) {
  const images = await deckImages(deck, folder);
  const { writePptx } = await import("../pptx/write-pptx.js");
  return writePptx({ deck, images, metadata });
}

/** `<name>.pptx`: the deck as native, editable PowerPoint slides. */
export const pptxOutput: Output<"pptx"> = {
  kind: "pptx",
  fileName: (name) => `${name}.pptx`,
  wanted: (settings) => !!settings.pptx,
  browser: false,
  async write({ deck, folder, file, extras }) {
    await writeFile(file, await makePptx(deck, folder, extras.metadata));
  },
};
