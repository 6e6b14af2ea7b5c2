import type { Assessment, BriefChanges } from "../compare/changes.js";
import { wordingKey } from "../compare/match-items.js";
import type { Labels } from "../labels/labels.js";
import { fill, fillText } from "../labels/phrase.js";
import type { InlineRun } from "../markup/inline.js";
import type { BriefPath, NormalBrief } from "../normalize/normal-brief.js";
import { formatDate } from "../timeline/format-date.js";
import type { ChangeLine, EventView, NumberedSource, SlideDraft } from "./deck.js";
import { changeStacking, type SlideFrame } from "./fit.js";
import { confidenceKey, parts } from "./section-slides.js";

/** What the slide of changes is made from, besides the comparison. */
export interface ChangeInput {
  brief: NormalBrief;
  /** The deck's new events, in time order. */
  newEvents: readonly EventView[];
  /** The deck's sources, by their place in the brief's list. */
  sources: readonly NumberedSource[];
  language: string;
  labels: Labels;
  frame: Omit<SlideFrame, "title" | "longTitle" | "part">;
}

/**
 * The slide, or slides when the list is long, of what changed since the earlier brief: new
 * events, judgments moved (with what they were), new and dropped, new sources. When no
 * judgment changed in any way it says so, as a SITREP says NO CHANGE rather than nothing.
 */
export function changeSlides(changes: BriefChanges, input: ChangeInput): SlideDraft[] {
  const { labels } = input;
  const date = formatDate(changes.since, input.language, labels, input.brief.timeline.timezone);
  const title = fillText(labels.sinceTitle, { date });
  const lines = [
    ...input.newEvents.map((event) => eventLine(event, labels)),
    ...judgmentLines(changes, input),
    ...changes.newSources.map(
      (path): ChangeLine => ({
        change: "new-source",
        tag: labels.sinceNewSource,
        text: [{ text: sourceText(input.sources[path[1] as number]) }],
      }),
    ),
  ];
  return parts("changes", title, lines, (items) => ({ kind: "changes", items }), changeStacking, {
    ...input.frame,
    from: [],
  });
}

function eventLine(event: EventView, labels: Labels): ChangeLine {
  return {
    change: "new-event",
    tag: labels.sinceNewEvent,
    dateText: event.dateText,
    // Not a link to its slide: the PDF's text would then give the title out of its order.
    text: [{ text: event.title }],
  };
}

function judgmentLines(changes: BriefChanges, input: ChangeInput): ChangeLine[] {
  const { labels } = input;
  const judgmentAt = (path: BriefPath) => judgmentOf(input.brief, path);
  const lines: ChangeLine[] = [
    ...changes.movedJudgments.flatMap(({ path, was }): ChangeLine[] => {
      const now = judgmentAt(path);
      if (!now) return [];
      const moved = movedParts(was, now, labels);
      return [
        {
          change: "moved-judgment",
          tag: labels.sinceMovedJudgment,
          text: now.statement,
          now: moved.now,
          was: fill(labels.sinceWas, { value: moved.was }),
        },
      ];
    }),
    ...changes.newJudgments.flatMap((path): ChangeLine[] => {
      const now = judgmentAt(path);
      return now
        ? [{ change: "new-judgment", tag: labels.sinceNewJudgment, text: now.statement }]
        : [];
    }),
    ...changes.droppedJudgments.map(
      (dropped): ChangeLine => ({
        change: "dropped-judgment",
        tag: labels.sinceDroppedJudgment,
        text: dropped.statement,
      }),
    ),
  ];
  if (lines.length > 0) return lines;
  return [{ change: "no-change", text: [{ text: labels.sinceNoChange }] }];
}

/** The parts of an assessment that moved, as they are and as they were, in the brief's words. */
function movedParts(
  was: Assessment,
  now: Assessment,
  labels: Labels,
): { now: string; was: string } {
  const likelihood = (a: Assessment) => a.likelihood ?? labels.sinceNoLikelihood;
  const confidence = (a: Assessment) => labels[confidenceKey[a.confidence]];
  const parts: [string, string][] = [];
  if (wordingKey(likelihood(was)) !== wordingKey(likelihood(now))) {
    parts.push([likelihood(now), likelihood(was)]);
  }
  if (was.confidence !== now.confidence) parts.push([confidence(now), confidence(was)]);
  return {
    now: parts.map(([n]) => n).join(" · "),
    was: parts.map(([, w]) => w).join(" · "),
  };
}

type NormalJudgment = Assessment & { statement: InlineRun[] };

/** The judgment at a path such as ["sections", 2, "items", 0]. */
function judgmentOf(brief: NormalBrief, path: BriefPath): NormalJudgment | undefined {
  const section = brief.sections?.[path[1] as number];
  return section?.type === "judgments" ? section.items[path[3] as number] : undefined;
}

function sourceText(source: NumberedSource | undefined): string {
  return source ? source.text.map((piece) => piece.text).join("") : "";
}
