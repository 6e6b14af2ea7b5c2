// Runs inside the deck's page (serialized by Puppeteer): it may use only the DOM and what is
// passed to it, never anything imported.

/** What one slide shows wrong when laid out in the browser. */
export interface SlideFindings {
  id: string;
  /** The body's content is taller than the space for it, or an element ends past the slide. */
  overflow?: { bodyOverflow: number; cutOff: string[] };
  /** The src of each image that failed to load or decode. */
  brokenImages: string[];
  /** Characters no installed font draws (they would print as empty boxes). */
  missingGlyphs: string[];
}

/**
 * Looks at every slide of a deck laid out for print. A character has no font when the browser
 * draws it exactly as it draws code points no font has (U+0378 is unassigned, U+10FFFD the last
 * private-use point): both come out as the fallback font's .notdef box. Asking the browser which
 * font drew a text (CSS.getPlatformFontsForNode) cannot tell: it names the primary font for
 * .notdef glyphs as for real ones.
 */
export async function findSlideProblems(): Promise<SlideFindings[]> {
  await document.fonts.ready;
  const images = [...document.querySelectorAll<HTMLImageElement>(".slides img")];
  // Loaded or failed is all the check needs. Not `decode()`: Chromium settles it only once the
  // page draws a frame, and a tab behind another (every page of a batch but one) draws none.
  await Promise.all(
    images.map(
      (img) =>
        img.complete ||
        new Promise((settled) => {
          img.addEventListener("load", settled, { once: true });
          img.addEventListener("error", settled, { once: true });
        }),
    ),
  );

  const canvas = document.createElement("canvas");
  canvas.width = 96;
  canvas.height = 96;
  const ctx = canvas.getContext("2d", { willReadFrequently: true }) as CanvasRenderingContext2D;
  const draw = (text: string) => {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.fillText(text, 16, 64);
    return new Uint32Array(ctx.getImageData(0, 0, canvas.width, canvas.height).data.buffer);
  };
  // Compared word by word: turning each picture into a string took most of a build's look.
  const same = (a: Uint32Array, b: Uint32Array) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  const probes = new Map<string, Uint32Array[]>();
  const verdicts = new Map<string, boolean>();
  const noGlyph = (char: string, font: string) => {
    const key = `${font}\u0000${char}`;
    const known = verdicts.get(key);
    if (known !== undefined) return known;
    ctx.font = font;
    let boxes = probes.get(font);
    if (!boxes) {
      boxes = ["\u0378", "\u{10FFFD}"].map(draw);
      probes.set(font, boxes);
    }
    const drawn = draw(char);
    const missing = boxes.some((box) => same(box, drawn));
    verdicts.set(key, missing);
    return missing;
  };
  // Marks, format and control characters and spaces draw nothing on their own.
  const drawable = /[^\p{M}\p{C}\p{Z}]/u;

  return [...document.querySelectorAll<HTMLElement>("section.slide")].map((slide) => {
    const found: SlideFindings = { id: slide.id, brokenImages: [], missingGlyphs: [] };
    const frame = slide.querySelector(".frame")?.getBoundingClientRect();
    const body = slide.querySelector<HTMLElement>(".body");
    if (frame && body) {
      const bodyOverflow = Math.max(0, body.scrollHeight - body.clientHeight);
      const cutOff: string[] = [];
      for (const el of body.querySelectorAll<HTMLElement>("*")) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (box.bottom > frame.bottom + 1 || box.right > frame.right + 1) {
          cutOff.push((el.textContent ?? "").trim().slice(0, 60));
        }
      }
      if (bodyOverflow > 1 || cutOff.length > 0) found.overflow = { bodyOverflow, cutOff };
    }
    for (const img of slide.querySelectorAll<HTMLImageElement>("img")) {
      if (!img.complete || img.naturalWidth === 0)
        found.brokenImages.push(img.getAttribute("src") ?? "");
    }
    const missing = new Set<string>();
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("aside.notes")) continue;
      const style = getComputedStyle(parent);
      const font = `${style.fontStyle} ${style.fontWeight} 48px ${style.fontFamily}`;
      for (const char of node.textContent ?? "") {
        if (drawable.test(char) && char.charCodeAt(0) > 0x7f && noGlyph(char, font))
          missing.add(char);
      }
    }
    found.missingGlyphs = [...missing];
    return found;
  });
}
