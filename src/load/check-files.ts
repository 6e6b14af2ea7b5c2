import { readdirSync, realpathSync, type Stats, statSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../errors.js";
import { inside } from "../inside-folder.js";
import type { YamlSource } from "./read-yaml.js";
import { closest } from "./suggest.js";

type Path = (string | number)[];

const imageTypes = new Set([".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"]);

/** Every place a brief names an image file, with the path to it in the YAML. */
function imageRefs(data: unknown): { at: Path; ref: string }[] {
  const refs: { at: Path; ref: string }[] = [];
  const root = data as { timeline?: { events?: unknown }; sections?: unknown } | undefined;
  const add = (at: Path, value: unknown) => {
    if (typeof value === "string") refs.push({ at, ref: value });
  };
  const events = Array.isArray(root?.timeline?.events) ? root.timeline.events : [];
  events.forEach((e, i) => {
    add(["timeline", "events", i, "image"], (e as { image?: unknown })?.image);
  });
  const sections = Array.isArray(root?.sections) ? root.sections : [];
  sections.forEach((s, i) => {
    const section = s as { type?: unknown; src?: unknown; people?: unknown } | null;
    if (section?.type === "image") add(["sections", i, "src"], section.src);
    if (Array.isArray(section?.people)) {
      section.people.forEach((p, j) => {
        add(["sections", i, "people", j, "image"], (p as { image?: unknown })?.image);
      });
    }
  });
  return refs;
}

/**
 * Checks that every image a brief names is an image file inside the brief's own folder (after
 * following symlinks), and returns where each one is on disk.
 */
export function checkFiles(
  source: YamlSource,
  dir: string,
): { problems: Problem[]; images: Map<string, string> } {
  const problems: Problem[] = [];
  const images = new Map<string, string>();
  const root = realpathSync(dir);
  for (const { at, ref } of imageRefs(source.data)) {
    const report = (code: Problem["code"], message: string) =>
      problems.push({ code, message, file: source.file, pos: source.positionOf(at), path: at });
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || path.isAbsolute(ref) || ref.startsWith("\\")) {
      report("bad-path", `"${ref}" must be a path relative to the brief, inside its folder`);
      continue;
    }
    const full = path.resolve(dir, ref);
    if (!inside(path.resolve(dir), full)) {
      report("bad-path", `"${ref}" points outside the brief's folder`);
      continue;
    }
    // Resolving drops a trailing "/", which the deck's copy of the file would keep.
    if (/[\\/]$/.test(ref)) {
      report("not-a-file", `"${ref}" ends in "/", so it names a folder: name the image file`);
      continue;
    }
    if (!imageTypes.has(path.extname(ref).toLowerCase())) {
      report("bad-path", `"${ref}" is not an image (${[...imageTypes].join(", ")})`);
      continue;
    }
    const info = statOrNothing(full);
    if (!info) {
      report("missing-file", `no image at "${ref}" (looked in ${dir})${nearby(ref, full)}`);
      continue;
    }
    if (!info.isFile()) {
      const what = info.isDirectory() ? "a folder" : "not a regular file";
      report("not-a-file", `"${ref}" is ${what}, not an image file`);
      continue;
    }
    const real = realOrNothing(full);
    if (!real) {
      report("missing-file", `no image at "${ref}" (looked in ${dir})`);
      continue;
    }
    if (!inside(root, real)) {
      report("bad-path", `"${ref}" is a link to a file outside the brief's folder`);
      continue;
    }
    images.set(ref, real);
  }
  return { problems, images };
}

/**
 * "; did you mean …?" for an image beside the missing one whose name is close, or the same but
 * for its extension (`launch.png` for `launch.jpg`), written as the brief would write it.
 */
function nearby(ref: string, full: string): string {
  let names: string[];
  try {
    names = readdirSync(path.dirname(full)).filter((n) =>
      imageTypes.has(path.extname(n).toLowerCase()),
    );
  } catch {
    return "";
  }
  const wanted = path.basename(full);
  const stem = (name: string) => name.slice(0, name.length - path.extname(name).length);
  const match =
    names.find((n) => stem(n).toLowerCase() === stem(wanted).toLowerCase()) ??
    closest(wanted, names);
  if (!match) return "";
  const folder = ref.slice(0, ref.length - path.basename(ref).length);
  return `; did you mean "${folder}${match}"?`;
}

/** A file's details, or nothing when it cannot be reached (gone, a loop of links, a file as folder). */
function statOrNothing(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function realOrNothing(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
