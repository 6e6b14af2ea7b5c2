import {
  type Document,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type Scalar,
  visit,
} from "yaml";
import type { Position, Problem } from "../errors.js";
import { refuseBeforeParsing } from "./limits.js";
import { conversionMessage, unresolvedAlias, yamlMessage } from "./yaml-messages.js";

/** A parsed YAML file that can say where any value in it was written. */
export interface YamlSource {
  file: string;
  /** The plain data, or undefined when the YAML could not be read at all. */
  data: unknown;
  problems: Problem[];
  /** The position of the value at `path`, or of the nearest enclosing value that exists. */
  positionOf(path: readonly (string | number)[], which?: "value" | "key"): Position;
  /** The last key of `path` as written in the file: `~` or `0x1F` where the data has "" or "31". */
  keyText(path: readonly (string | number)[]): string;
}

// Aliases may repeat a node at most this many times in all: enough for any real brief, and it
// stops "billion laughs" documents before they expand.
const maxAliasCount = 100;

/**
 * The text of a file's bytes, or where they stop being UTF-8 text: a brief in UTF-16, a binary
 * file or one in another encoding is one problem at its first offending byte, rather than
 * YAML errors about characters that are not what the author wrote. A UTF-8 byte-order mark
 * is dropped.
 */
export function decodeText(
  file: string,
  bytes: Uint8Array,
): { text: string; problem?: undefined } | { problem: Problem } {
  const notText = (offset: number, message: string) => ({
    problem: {
      code: "not-text",
      message,
      file,
      pos: positionAt(bytes, offset),
      path: [],
    } as Problem,
  });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return notText(0, "the file is in UTF-16: save it as UTF-8");
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return notText(
      nul,
      "a NUL byte: this is not a text file (or it is in UTF-16); a brief is UTF-8 text",
    );
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return notText(firstInvalid(bytes), "these bytes are not UTF-8: save the brief as UTF-8 text");
  }
}

/** The line and column of a byte, counted as editors and the YAML reader count them. */
function positionAt(bytes: Uint8Array, offset: number): Position {
  // Streaming leaves out a character cut in half at the end, rather than adding a U+FFFD.
  const before = new TextDecoder().decode(bytes.subarray(0, offset), { stream: true });
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, col: before.length - lineStart + 1 };
}

/** The offset of the first byte that makes `bytes` invalid UTF-8 (which they are known to be). */
function firstInvalid(bytes: Uint8Array): number {
  // A prefix that is valid so far stays so when shortened: the first bad byte is found by halving.
  let valid = 0;
  let invalid = bytes.length;
  while (invalid - valid > 1) {
    const mid = Math.floor((valid + invalid) / 2);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      valid = mid;
    } catch {
      invalid = mid;
    }
  }
  return valid;
}

/** Parses YAML text, collecting syntax errors and duplicate keys with their positions. */
export function readYaml(file: string, fileText: string): YamlSource {
  // A byte-order mark is no column to an editor, so it is none here either.
  const text = fileText.startsWith("\uFEFF") ? fileText.slice(1) : fileText;
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const refused = refuseBeforeParsing(text);
  if (refused) {
    // Count lines only up to where the problem is; the parser would have counted the first.
    lineCounter.addNewLine(0);
    for (const match of text.slice(0, refused.offset).matchAll(/\n/g))
      lineCounter.addNewLine((match.index as number) + 1);
    const problem: Problem = {
      code: "yaml-syntax",
      message: refused.message,
      file,
      pos: at(refused.offset),
      path: [],
    };
    return {
      file,
      data: undefined,
      problems: [problem],
      positionOf: () => ({ line: 1, col: 1 }),
      keyText: (path) => String(path[path.length - 1]),
    };
  }
  // The library's own log stays silent: what it would say is collected below, in our words.
  const doc = parseDocument(text, {
    lineCounter,
    // 1 and "1" are one key once the data is plain: the second would replace the first unseen.
    uniqueKeys: (a, b) => a === b || (isScalar(a) && isScalar(b) && keyString(a) === keyString(b)),
    prettyErrors: false,
    logLevel: "error",
  });
  const problems: Problem[] = [];
  // An unclosed bracket is noticed at the end of the file; point at the last thing written.
  const lastChar = Math.max(0, text.trimEnd().length - 1);
  for (const error of [...doc.errors, ...doc.warnings]) {
    const code = error.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax";
    const message = yamlMessage(error.code, error.message);
    problems.push({ code, message, file, pos: at(Math.min(error.pos[0], lastChar)), path: [] });
  }
  for (const offset of collectionKeys(doc)) {
    const message = "a key must be plain text, not a list or a mapping";
    problems.push({ code: "yaml-syntax", message, file, pos: at(offset), path: [] });
  }

  /** Where the value at `path` starts (or the nearest one that exists), and its last key. */
  const walk = (path: readonly (string | number)[]) => {
    let node: unknown = doc.contents;
    let best: number = doc.contents?.range?.[0] ?? 0;
    let key: Scalar | undefined;
    for (const [i, segment] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && keyString(p.key) === segment);
        if (!pair) break;
        const keyStart = (pair.key as Node).range?.[0];
        if (keyStart !== undefined) best = keyStart;
        if (i === path.length - 1) key = pair.key as Scalar;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment];
      } else break;
      const start = (node as Node | undefined)?.range?.[0];
      if (start !== undefined) best = start;
    }
    return { best, key };
  };

  const positionOf = (path: readonly (string | number)[], which: "value" | "key" = "value") => {
    const { best, key } = walk(path);
    return at(which === "key" && key?.range ? key.range[0] : best);
  };

  const keyText = (path: readonly (string | number)[]) => {
    const { key } = walk(path);
    const segment = String(path[path.length - 1]);
    // A key YAML read as a number, true or null is named as the author wrote it ("~", "0x1F").
    if (!key?.range || typeof key.value === "string") return segment;
    return text.slice(key.range[0], key.range[1]).trim() || segment;
  };

  let data: unknown;
  if (!problems.some((p) => p.code === "yaml-syntax")) {
    try {
      data = doc.toJS({ maxAliasCount });
    } catch (error) {
      const libraryMessage = (error as Error).message;
      problems.push({
        code: "yaml-syntax",
        message: conversionMessage(libraryMessage),
        file,
        pos: at(aliasOffset(doc, unresolvedAlias(libraryMessage))),
        path: [],
      });
    }
  }
  return { file, data, problems, positionOf, keyText };
}

/**
 * Where the alias `*name` is first written, or the first alias of all: converting the data fails
 * only at an alias, one that names no anchor or one of those that repeat too much.
 */
function aliasOffset(doc: Document, name: string | undefined): number {
  let offset = 0;
  visit(doc, {
    Alias(_, alias) {
      if (name !== undefined && alias.source !== name) return;
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** A scalar key as the plain data has it: the yaml library turns null into "" and 1 into "1". */
function keyString(key: Scalar): string {
  return key.value === null || key.value === undefined ? "" : String(key.value);
}

/**
 * Where keys that are lists or mappings (`? [a, b]`, `{a: 1}: x`) start: plain data has no such
 * keys, and the library would turn them into text with a warning of its own.
 */
function collectionKeys(doc: Document): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) offsets.push(pair.key.range?.[0] ?? 0);
    },
  });
  return offsets;
}
