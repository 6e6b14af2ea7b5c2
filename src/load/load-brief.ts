import { constants } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import path from "node:path";
import { deckNameProblem } from "../deck-name.js";
import { BriefingError, type Position, type Problem } from "../errors.js";
import { unknownLanguage } from "../labels/language-warning.js";
import type { NormalBrief } from "../normalize/normal-brief.js";
import { normalizeBrief } from "../normalize/normalize-brief.js";
import { imagesWithoutAlt } from "./alt-warnings.js";
import { eventsAfterAsOf } from "./as-of-warnings.js";
import { checkFiles } from "./check-files.js";
import { checkMeaning, type MeaningDefaults } from "./check-meaning.js";
import { maxBytes, tooLarge } from "./limits.js";
import { passesBriefSchema } from "./quick-check.js";
import { decodeText, readYaml, type YamlSource } from "./read-yaml.js";
import type { Brief } from "./schema.js";

/** A brief read from disk: valid when `problems` is empty, and then `brief` is set, normalized. */
export interface LoadedBrief {
  file: string;
  /** The file name without its extension: the name of the deck and the PDF. */
  name: string;
  dir: string;
  problems: Problem[];
  /** What is likely a mistake but may be meant (an event after the as-of date): it builds. */
  warnings: Problem[];
  brief?: NormalBrief;
  /** Image paths as written in the brief → real files on disk. */
  images: Map<string, string>;
  /** Where the value at a path of keys and indexes is written in the file. */
  positionOf(path: readonly (string | number)[]): Position;
}

/**
 * Reads and validates a brief's text; `file` is used in messages and to find its images, which
 * are not looked for with `files: false` (an earlier version's, only compared). `defaults`
 * are the project's settings a brief is validated by (its yardstick).
 */
export async function validateBrief(
  file: string,
  text: string,
  defaults: MeaningDefaults = {},
  { files: withFiles = true } = {},
): Promise<LoadedBrief> {
  const { dir, name } = naming(file);
  const source = readYaml(file, text);
  if (source.data === undefined) {
    return {
      file,
      name,
      dir,
      problems: sortProblems(source.problems),
      warnings: [],
      images: new Map(),
      positionOf: source.positionOf,
    };
  }
  const files = withFiles ? checkFiles(source, dir) : { problems: [], images: new Map() };
  const schema = passesBriefSchema(source.data)
    ? { brief: source.data, problems: [] }
    : await schemaCheck(source);
  const problems = sortProblems([
    ...source.problems,
    ...schema.problems,
    ...checkMeaning(source, defaults),
    ...files.problems,
  ]);
  const loaded: LoadedBrief = {
    file,
    name,
    dir,
    problems,
    warnings: [],
    images: files.images,
    positionOf: source.positionOf,
  };
  if (problems.length === 0 && schema.brief) {
    loaded.brief = normalizeBrief(schema.brief);
    loaded.warnings = [
      ...unknownLanguage(file, loaded.brief.written, source.positionOf),
      ...eventsAfterAsOf(file, loaded.brief, source.positionOf),
      ...imagesWithoutAlt(file, loaded.brief.written, source.positionOf),
    ];
  }
  return loaded;
}

/** What zod finds wrong with a brief; zod is loaded only for a brief that needs it. */
async function schemaCheck(source: YamlSource): Promise<{ brief?: Brief; problems: Problem[] }> {
  const { checkSchema } = await import("./check-schema.js");
  return checkSchema(source);
}

/**
 * Reads a brief from disk and validates it. A file whose name cannot name a deck is a usage
 * error, as it is for `build`: `check` and `serve` say so rather than pass a brief that
 * cannot be built.
 */
export async function loadBrief(
  file: string,
  defaults: MeaningDefaults = {},
): Promise<LoadedBrief> {
  deckName(file);
  const read = await readBriefFile(file);
  if (read.problem) {
    const { problem } = read;
    return {
      file,
      ...naming(file),
      problems: [problem],
      warnings: [],
      images: new Map(),
      positionOf: () => problem.pos,
    };
  }
  return validateBrief(file, read.text, defaults);
}

/**
 * A brief's text, or the one problem that stops it being read: not a regular file, too large,
 * not UTF-8 text. Opened without blocking, so that a named pipe with no writer (or a device)
 * at the brief's path is refused instead of waited on forever.
 */
export async function readBriefFile(file: string): Promise<ReturnType<typeof decodeText>> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw cannotRead(file, error);
  }
  const refuse = (code: Problem["code"], message: string) => ({
    problem: { code, message, file, pos: { line: 1, col: 1 }, path: [] },
  });
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return refuse("not-a-file", "this is a folder, not a brief");
    if (!info.isFile()) {
      return refuse("not-a-file", "this is not a regular file (a named pipe or a device?)");
    }
    // A file far too large for a brief is refused before it is read into memory.
    if (info.size > maxBytes) return refuse("yaml-syntax", tooLarge);
    return decodeText(file, await handle.readFile());
  } catch (error) {
    throw cannotRead(file, error);
  } finally {
    await handle.close();
  }
}

function cannotRead(file: string, error: unknown): BriefingError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const reasons: Record<string, string> = {
    ENOENT: "no such file",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "it is a folder",
    ELOOP: "its symbolic links go round in a loop",
    ENAMETOOLONG: "its name is too long",
    ENOTDIR: "a part of its path is not a folder",
  };
  const reason = reasons[code] ?? `the system refused (${code || "unknown error"})`;
  return new BriefingError("usage", `cannot read ${file}: ${reason}`, { cause: error });
}

/** Where a brief lives, and its name: the file name without its extension. */
export function naming(file: string): { dir: string; name: string } {
  return {
    dir: path.dirname(path.resolve(file)),
    name: path.basename(file).replace(/\.ya?ml$/i, ""),
  };
}

/** The deck name of `file`; a usage error when the deck cannot be built under that name. */
export function deckName(file: string): string {
  const { name } = naming(file);
  const problem = deckNameProblem(name);
  if (problem) {
    throw new BriefingError(
      "usage",
      `${file} cannot be built: its deck folder would be named ${JSON.stringify(name)}, which is ${problem}; rename the file`,
    );
  }
  return name;
}

/**
 * The briefs as given, each once, after checking that no two of them would be built into the
 * same deck folder: not by the same name, nor by names that differ only in case or in Unicode
 * form, which are one folder on macOS and Windows. A file given twice counts once.
 */
export function distinctDecks(files: readonly string[]): string[] {
  const seen = new Map<string, string>();
  const distinct: string[] = [];
  for (const file of files) {
    const name = deckName(file);
    const key = name.normalize("NFC").toLowerCase();
    const other = seen.get(key);
    if (other === undefined) {
      seen.set(key, file);
      distinct.push(file);
    } else if (path.resolve(other) !== path.resolve(file)) {
      throw new BriefingError(
        "usage",
        `${other} and ${file} would both be built into the deck folder "${name}"; rename one`,
      );
    }
  }
  return distinct;
}

function sortProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems
    .sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col)
    .filter((p) => {
      const key = `${p.pos.line}:${p.pos.col}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
