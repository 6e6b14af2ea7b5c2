import type { Labels } from "../labels/labels.js";
import type { Yardstick } from "../load/yardsticks.js";
import { plainText } from "../markup/inline.js";
import type { BriefPath, NormalSection } from "../normalize/normal-brief.js";
import { assetUrl } from "./asset-path.js";
import type { SlideDraft } from "./deck.js";
import {
  actorStacking,
  fitPages,
  judgmentStacking,
  listStacking,
  type SlideFrame,
  type Stacking,
} from "./fit.js";
import type { LineBreaks } from "./line-breaks.js";
import { likelihoodView } from "./yardstick-slides.js";

// Past about two lines at the full size (64 px on the cover, 44 px for headings), a title is
// set smaller: a long name or a hash in it would otherwise crowd out the slide's content.
export function isLongTitle(slide: { title: string; kind?: string }): boolean {
  return slide.title.length > (slide.kind === "title" ? 60 : 90);
}

/** The slides of one section: one, or as many as its items need, each titled "(n/m)" past the first. */
export function sectionSlides(
  section: NormalSection,
  id: string,
  refsOf: (ids?: readonly string[]) => number[],
  classified: boolean,
  labels: Labels,
  lineBreaks: LineBreaks,
  yardstick: Yardstick,
  grades?: ReadonlyMap<number, string>,
  /** "New" or "Changed" for an item built `--since` an earlier brief, by its path. */
  badgeOf: (path: BriefPath) => string | undefined = () => undefined,
): SlideDraft[] {
  const base = {
    notes: section.notes,
    refs: refsOf(section.sources),
  };
  const frame = { refs: base.refs, classified, lineBreaks, labels, grades, from: section.path };
  switch (section.type) {
    case "points":
    case "watch": {
      const kind = section.type;
      return parts(
        id,
        section.title,
        section.items,
        (page) => ({ kind, items: page, ...base }),
        listStacking(kind === "watch" ? 26 : 27),
        frame,
      );
    }
    case "judgments":
      return parts(
        id,
        section.title,
        section.items.map((j, i) => ({
          ...j,
          likelihoodView:
            j.likelihood === undefined
              ? undefined
              : likelihoodView(yardstick, j.likelihood, labels),
          confidenceLabel: labels[confidenceKey[j.confidence]],
          badge: badgeOf([...section.path, "items", i]),
        })),
        (items) => ({ kind: "judgments", items, ...base }),
        judgmentStacking,
        frame,
      );
    case "actors":
      return parts(
        id,
        section.title,
        section.people.map((p) => ({
          ...p,
          image: p.image === undefined ? undefined : assetUrl(p.image),
        })),
        (people) => ({ kind: "actors", people, ...base }),
        actorStacking,
        frame,
      );
    case "quote": {
      const refs = [
        ...new Set([...base.refs, ...refsOf(section.source ? [section.source] : [])]),
      ].sort((a, b) => a - b);
      return [
        {
          kind: "quote",
          id,
          title: section.attribution,
          text: section.text,
          attribution: section.attribution,
          ...base,
          refs,
          from: section.path,
        },
      ];
    }
    case "image": {
      const { caption, credit } = section;
      const captionText = caption === undefined ? "" : plainText(caption);
      // Without a description of its own, the caption is better than nothing for a reader
      // who cannot see the picture (check warns about it).
      const alt = section.alt ?? captionText;
      return [
        {
          kind: "image",
          id,
          title: captionText,
          src: assetUrl(section.src),
          alt,
          caption,
          credit,
          ...base,
          from: section.path,
        },
      ];
    }
  }
}

/** One slide per page of items; titles of continued slides carry "(n/m)". */
export function parts<T>(
  id: string,
  title: string,
  items: readonly T[],
  make: (
    items: T[],
  ) => Omit<SlideDraft, "id" | "title" | "part" | "refs" | "from"> & { refs?: number[] },
  stacking: Stacking<T>,
  { from, ...frame }: Omit<SlideFrame, "title" | "longTitle" | "part"> & { from: BriefPath },
): SlideDraft[] {
  const pages = fitPages(items, stacking, { ...frame, title, longTitle: isLongTitle({ title }) });
  return pages.map(
    (page, i) =>
      ({
        refs: [],
        from,
        ...make(page),
        id: i === 0 ? id : `${id}-${i + 1}`,
        title,
        part: pages.length > 1 ? `${i + 1}/${pages.length}` : undefined,
      }) as SlideDraft,
  );
}

/** The label of each confidence level. */
export const confidenceKey = {
  low: "confidenceLow",
  moderate: "confidenceModerate",
  high: "confidenceHigh",
} as const;
