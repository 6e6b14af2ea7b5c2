// Runs inside the deck's page (serialized by Puppeteer): it may use only the DOM and what is
// passed to it, never anything imported.

/** Where a text leaves the space it is drawn in. */
export type CutSide = "left" | "right" | "top" | "bottom" | "clipped";

/** A text that does not show whole: `text` is its DOM text node's, to find in the brief. */
export interface CutText {
  text: string;
  side: CutSide;
}

/** A character no font draws, and the text it was first found in on the slide. */
export interface MissingGlyph {
  char: string;
  text: string;
}

/** What one slide shows wrong when laid out in the browser. */
export interface SlideFindings {
  id: string;
  /** How much taller the body's content is than the space for it, in pixels (0 when it fits). */
  bodyOverflow: number;
  /** Texts that run off the slide or are cut off by a box that hides its overflow. */
  cutOff: CutText[];
  /** The src of each image that failed to load or decode. */
  brokenImages: string[];
  /** Characters no installed font draws (they would print as empty boxes). */
  missingGlyphs: MissingGlyph[];
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
  // Format and control characters and spaces draw nothing on their own. A combining mark is
  // drawn alone: one no font has comes out as the same box, whatever it sits on.
  const drawable = /[^\p{C}\p{Z}]/u;

  // A text's lines, checked against the slide and against every box that hides what overflows
  // it. A text in a box that ends it with an ellipsis says it is cut (the footer's title, which
  // the title slide shows whole), so it is left alone.
  const cutSide = (node: Text, frame: DOMRect): CutSide | undefined => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (lines.length === 0) return undefined;
    for (
      let el = node.parentElement;
      el && !el.classList.contains("frame");
      el = el.parentElement
    ) {
      if (getComputedStyle(el).textOverflow === "ellipsis") return undefined;
    }
    const left = Math.min(...lines.map((r) => r.left));
    const right = Math.max(...lines.map((r) => r.right));
    const top = Math.min(...lines.map((r) => r.top));
    const bottom = Math.max(...lines.map((r) => r.bottom));
    if (right > frame.right + 1) return "right";
    if (left < frame.left - 1) return "left";
    if (bottom > frame.bottom + 1) return "bottom";
    if (top < frame.top - 1) return "top";
    for (
      let el = node.parentElement;
      el && !el.classList.contains("frame");
      el = el.parentElement
    ) {
      const style = getComputedStyle(el);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const box = el.getBoundingClientRect();
      const clipsX = style.overflowX !== "visible";
      const clipsY = style.overflowY !== "visible";
      if (
        (clipsX && (right > box.right + 1 || left < box.left - 1)) ||
        (clipsY && (bottom > box.bottom + 1 || top < box.top - 1))
      ) {
        return "clipped";
      }
    }
    return undefined;
  };

  return [...document.querySelectorAll<HTMLElement>("section.slide")].map((slide) => {
    const found: SlideFindings = {
      id: slide.id,
      bodyOverflow: 0,
      cutOff: [],
      brokenImages: [],
      missingGlyphs: [],
    };
    const frame = slide.querySelector(".frame")?.getBoundingClientRect();
    const body = slide.querySelector<HTMLElement>(".body");
    if (body) found.bodyOverflow = Math.max(0, body.scrollHeight - body.clientHeight);
    for (const img of slide.querySelectorAll<HTMLImageElement>("img")) {
      if (!img.complete || img.naturalWidth === 0)
        found.brokenImages.push(img.getAttribute("src") ?? "");
    }
    const missing = new Map<string, string>();
    const cut = new Map<string, CutSide>();
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent ?? "";
      if (!parent || parent.closest("aside.notes") || text.trim() === "") continue;
      const side = frame && cutSide(node as Text, frame);
      if (side && !cut.has(text)) cut.set(text, side);
      const style = getComputedStyle(parent);
      const font = `${style.fontStyle} ${style.fontWeight} 48px ${style.fontFamily}`;
      for (const char of text) {
        if (missing.has(char) || !drawable.test(char) || char.charCodeAt(0) <= 0x7f) continue;
        if (noGlyph(char, font)) missing.set(char, text);
      }
    }
    found.cutOff = [...cut].map(([text, side]) => ({ text, side }));
    found.missingGlyphs = [...missing].map(([char, text]) => ({ char, text }));
    return found;
  });
}
