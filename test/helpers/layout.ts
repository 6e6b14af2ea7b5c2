import type { Page } from "puppeteer";

/**
 * Measures the rendered overview slides in the browser: every pair of labels that overlap,
 * every label whose text spills out of its box or off its slide; period labels too, which
 * must not overlap an event's label or each other, nor be cut short. Run in print view, where
 * every slide is laid out.
 */
export function overviewProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const slide of document.querySelectorAll<HTMLElement>("section.slide--overview")) {
      const frame = (slide.querySelector(".frame") as HTMLElement).getBoundingClientRect();
      const labels = [...slide.querySelectorAll<HTMLElement>(".tl__label")];
      const boxes = labels.map((label) => {
        // The text's own extent, not the box the layout gave it.
        const parts = [...label.children].map((child) => child.getBoundingClientRect());
        return {
          left: Math.min(...parts.map((r) => r.left)),
          right: Math.max(...parts.map((r) => r.right)),
          top: Math.min(...parts.map((r) => r.top)),
          bottom: Math.max(...parts.map((r) => r.bottom)),
          box: label.getBoundingClientRect(),
          text: label.textContent?.trim().slice(0, 40) ?? "",
        };
      });
      for (const mark of slide.querySelectorAll<HTMLElement>(
        ".tl__as-of-text, .tl__break-text, .tl__interval-text",
      )) {
        const r = mark.getBoundingClientRect();
        if (r.left < frame.left || r.right > frame.right)
          problems.push(`${slide.id}: "${mark.textContent}" runs off the slide`);
      }
      // Lanes' names: whole in their box, and clear of every label's text.
      for (const name of slide.querySelectorAll<HTMLElement>(".tl__lane-name")) {
        if (name.scrollHeight > name.clientHeight + 1 || name.scrollWidth > name.clientWidth + 1)
          problems.push(`${slide.id}: lane "${name.textContent}" is cut off`);
        const r = name.getBoundingClientRect();
        if (r.left < frame.left || r.top < frame.top || r.bottom > frame.bottom)
          problems.push(`${slide.id}: lane "${name.textContent}" runs off the slide`);
        for (const b of boxes) {
          if (r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom)
            problems.push(`${slide.id}: lane "${name.textContent}" overlaps "${b.text}"`);
        }
      }
      for (const note of slide.querySelectorAll<HTMLElement>(
        ".legend__note, .legend__unlabelled, .legend__item",
      )) {
        const r = note.getBoundingClientRect();
        if (r.left < frame.left || r.right > frame.right || r.bottom > frame.bottom)
          problems.push(`${slide.id}: "${note.textContent}" runs off the slide`);
      }
      const periods = [...slide.querySelectorAll<HTMLElement>(".tl__period-label")].map((label) => {
        const r = label.getBoundingClientRect();
        const text = label.textContent?.trim().slice(0, 40) ?? "";
        if (label.scrollWidth > label.clientWidth + 1)
          problems.push(`${slide.id}: period "${text}" is cut short`);
        if (r.left < frame.left || r.right > frame.right || r.bottom > frame.bottom)
          problems.push(`${slide.id}: period "${text}" runs off the slide`);
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text };
      });
      const legend = [...slide.querySelectorAll<HTMLElement>(".legend__item")].map((item) => {
        const r = item.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: "the legend" };
      });
      for (const [i, a] of periods.entries()) {
        for (const b of [...periods.slice(i + 1), ...boxes, ...legend]) {
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
            problems.push(`${slide.id}: period "${a.text}" overlaps "${b.text}"`);
          }
        }
      }
      for (const [i, a] of boxes.entries()) {
        if (a.top < a.box.top - 1 || a.bottom > a.box.bottom + 1)
          problems.push(`${slide.id}: "${a.text}" spills out of its box`);
        if (
          a.left < frame.left ||
          a.right > frame.right ||
          a.top < frame.top ||
          a.bottom > frame.bottom
        ) {
          problems.push(`${slide.id}: "${a.text}" runs off the slide`);
        }
        for (const b of boxes.slice(i + 1)) {
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
            problems.push(`${slide.id}: "${a.text}" overlaps "${b.text}"`);
          }
        }
      }
    }
    return problems;
  });
}

/** Every slide whose content overflows its body or is cut off by its frame. */
export function overflowingSlides(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("section.slide")].flatMap((slide) => {
      const frame = slide.querySelector(".frame")?.getBoundingClientRect();
      const body = slide.querySelector<HTMLElement>(".body");
      if (!frame || !body) return [`${slide.id}: no frame`];
      const found: string[] = [];
      if (body.scrollHeight > body.clientHeight + 1) found.push(`${slide.id}: body overflows`);
      for (const el of slide.querySelectorAll<HTMLElement>(".body *")) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (
          box.bottom > frame.bottom + 1 ||
          box.right > frame.right + 1 ||
          box.left < frame.left - 1
        ) {
          found.push(`${slide.id}: ${el.className || el.tagName} cut off`);
        }
      }
      return found;
    }),
  );
}
