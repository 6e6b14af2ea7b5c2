// A simple size model for slide text, so long lists continue on the next slide instead of
// shrinking or spilling. The theme sets body text at 26 px on a 1136 px wide text area, where
// about 90 characters fit a line and 13 lines fit below a title; the numbers below stay a little
// on the safe side of that, and the browser tests check that no slide overflows.

/** Lines of body text one slide holds below its title. */
export const linesPerSlide = 12;

/** Characters of body text on one line of the full text width. */
export const charsPerLine = 84;

// East Asian wide characters take about two Latin letters' width.
const wide =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

/** How many lines `text` takes when wrapped at `width` characters. */
export function linesFor(text: string, width = charsPerLine): number {
  const length = text.length + (text.match(wide)?.length ?? 0);
  return Math.max(1, Math.ceil(length / width));
}

/**
 * Splits items into pages that each fit `budget` lines, keeping their order. An item too big for
 * a page gets a page of its own.
 */
export function paginate<T>(
  items: readonly T[],
  cost: (item: T) => number,
  budget = linesPerSlide,
): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of items) {
    const c = cost(item);
    if (page.length > 0 && used + c > budget) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += c;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
