import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { Position, Problem } from "../errors.js";
import { refuseBeforeParsing } from "./limits.js";

/** A parsed YAML file that can say where any value in it was written. */
export interface YamlSource {
  file: string;
  /** The plain data, or undefined when the YAML could not be read at all. */
  data: unknown;
  problems: Problem[];
  /** The position of the value at `path`, or of the nearest enclosing value that exists. */
  positionOf(path: readonly (string | number)[], which?: "value" | "key"): Position;
}

// Aliases may repeat a node at most this many times in all: enough for any real brief, and it
// stops "billion laughs" documents before they expand.
const maxAliasCount = 100;

/** Parses YAML text, collecting syntax errors and duplicate keys with their positions. */
export function readYaml(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const refused = refuseBeforeParsing(text);
  if (refused) {
    // Count lines only up to where the problem is.
    for (const match of text.slice(0, refused.offset).matchAll(/\n/g))
      lineCounter.addNewLine((match.index as number) + 1);
    const problem: Problem = {
      code: "yaml-syntax",
      message: refused.message,
      file,
      pos: at(refused.offset),
      path: [],
    };
    return { file, data: undefined, problems: [problem], positionOf: () => ({ line: 1, col: 1 }) };
  }
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems: Problem[] = [];
  // An unclosed bracket is noticed at the end of the file; point at the last thing written.
  const lastChar = Math.max(0, text.trimEnd().length - 1);
  for (const error of [...doc.errors, ...doc.warnings]) {
    const code = error.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax";
    const message =
      code === "duplicate-key"
        ? "this key appears twice in the same mapping"
        : firstLine(error.message);
    problems.push({ code, message, file, pos: at(Math.min(error.pos[0], lastChar)), path: [] });
  }

  const positionOf = (path: readonly (string | number)[], which: "value" | "key" = "value") => {
    let node: unknown = doc.contents;
    let best: number = doc.contents?.range?.[0] ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === segment);
        if (!pair) break;
        const keyStart = (pair.key as Node).range?.[0];
        if (keyStart !== undefined) best = keyStart;
        if (which === "key" && segment === path[path.length - 1]) return at(best);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment];
      } else break;
      const start = (node as Node | undefined)?.range?.[0];
      if (start !== undefined) best = start;
    }
    return at(best);
  };

  let data: unknown;
  if (!problems.some((p) => p.code === "yaml-syntax")) {
    try {
      data = doc.toJS({ maxAliasCount });
    } catch (error) {
      problems.push({
        code: "yaml-syntax",
        message: `cannot read this YAML: ${firstLine((error as Error).message)}`,
        file,
        pos: at(0),
        path: [],
      });
    }
  }
  return { file, data, problems, positionOf };
}

function firstLine(message: string): string {
  return message.split("\n")[0]?.replace(/ at line \d+, column \d+.*$/, "") ?? message;
}
