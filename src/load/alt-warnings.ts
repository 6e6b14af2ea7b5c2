import type { Problem } from "../errors.js";
import type { Brief } from "./schema.js";

type Path = (string | number)[];

/**
 * Warnings for images without `alt`: a reader who cannot see the picture (a screen reader, the
 * tagged PDF read aloud) is told nothing about it. A caption is not a description, so it does
 * not count. The brief still builds: `--strict` makes it fail.
 */
export function imagesWithoutAlt(
  file: string,
  brief: Brief,
  positionOf: (path: readonly (string | number)[]) => Problem["pos"],
): Problem[] {
  const missing: Path[] = [];
  brief.timeline.events.forEach((event, i) => {
    if (event.image !== undefined && !event.alt?.trim())
      missing.push(["timeline", "events", i, "image"]);
  });
  (brief.sections ?? []).forEach((section, i) => {
    if (section.type === "image" && !section.alt?.trim()) missing.push(["sections", i, "src"]);
    if (section.type === "actors") {
      section.people.forEach((person, j) => {
        if (person.image !== undefined && !person.alt?.trim()) {
          missing.push(["sections", i, "people", j, "image"]);
        }
      });
    }
  });
  return missing.map((path) => ({
    code: "missing-alt",
    message: `this image has no "alt": describe it in a few words beside it (alt: …), for readers who cannot see it`,
    file,
    pos: positionOf(path),
    path,
  }));
}
