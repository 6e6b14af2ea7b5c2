import { execFileSync } from "node:child_process";

/** A word on a PDF page and its box, in points from the page's top left, as poppler finds it. */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of one page (1-based) with their boxes, read with pdftotext -bbox. */
export function pdfWords(file: string, page = 1): PdfWord[] {
  const html = execFileSync(
    "pdftotext",
    ["-bbox", "-enc", "UTF-8", "-f", String(page), "-l", String(page), file, "-"],
    { encoding: "utf8" },
  );
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({
    text: (m[5] as string).replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

/** An RGB colour, each channel 0–255. */
export type Rgb = [number, number, number];

/** One page (1-based) drawn by poppler's pdftoppm at `dpi`, its pixels read by points. */
export interface PdfPicture {
  width: number;
  height: number;
  /** The pixel under the point (x, y), in points from the top left. */
  at(x: number, y: number): Rgb;
}

export function pdfPicture(file: string, page = 1, dpi = 192): PdfPicture {
  const ppm = execFileSync(
    "pdftoppm",
    ["-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", file],
    { maxBuffer: 1 << 28 },
  );
  // P6, width, height and 255, each followed by one whitespace byte, then RGB triples.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString("latin1"));
  if (!header) throw new Error("pdftoppm gave no PPM");
  const width = Number(header[1]);
  const height = Number(header[2]);
  const start = (header[0] as string).length;
  const scale = dpi / 72;
  return {
    width,
    height,
    at(x, y) {
      const px = Math.min(width - 1, Math.round(x * scale));
      const py = Math.min(height - 1, Math.round(y * scale));
      const i = start + 3 * (py * width + px);
      return [ppm[i], ppm[i + 1], ppm[i + 2]] as Rgb;
    },
  };
}

/** The words of a line of text (those whose middle is between `top` and `bottom`) as one. */
export function lineOf(words: PdfWord[], top: number, bottom: number): PdfWord | undefined {
  const line = words.filter((w) => {
    const middle = (w.yMin + w.yMax) / 2;
    return middle > top && middle < bottom;
  });
  if (line.length === 0) return undefined;
  return {
    text: line.map((w) => w.text).join(" "),
    xMin: Math.min(...line.map((w) => w.xMin)),
    yMin: Math.min(...line.map((w) => w.yMin)),
    xMax: Math.max(...line.map((w) => w.xMax)),
    yMax: Math.max(...line.map((w) => w.yMax)),
  };
}

/**
 * The colours a banner's text is drawn in, measured: its background just before the text, and
 * its ink, the pixel in the middle of the text's box that differs most from that background
 * (the middle of a stroke, where no edge blends the two).
 */
export function wordColours(picture: PdfPicture, word: PdfWord): { background: Rgb; ink: Rgb } {
  const middle = (word.yMin + word.yMax) / 2;
  const background = picture.at(word.xMin - 6, middle);
  const quarter = (word.yMax - word.yMin) / 4;
  let ink = background;
  let farthest = -1;
  for (let y = word.yMin + quarter; y <= word.yMax - quarter; y += 0.25) {
    for (let x = word.xMin; x <= word.xMax; x += 0.25) {
      const pixel = picture.at(x, y);
      const d = pixel.reduce((sum, c, i) => sum + (c - (background[i] as number)) ** 2, 0);
      if (d > farthest) {
        farthest = d;
        ink = pixel;
      }
    }
  }
  return { background, ink };
}

/** "#rrggbb" → its channels. */
export function rgb(hex: string): Rgb {
  const full = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join("") : hex.slice(1);
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

/** The largest difference of one channel: colours within a few units print alike. */
export function distance(a: Rgb, b: Rgb): number {
  return Math.max(...a.map((c, i) => Math.abs(c - (b[i] as number))));
}
