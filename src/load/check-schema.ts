import type { core } from "zod";
import * as z from "zod";
import type { Problem, ProblemCode } from "../errors.js";
import type { YamlSource } from "./read-yaml.js";
import { type Brief, briefSchema } from "./schema.js";
import { didYouMean } from "./suggest.js";

type Path = (string | number)[];

/**
 * Runs the brief schema over the data: the brief, typed, when it passes; else every issue as a
 * positioned problem.
 */
export function checkSchema(source: YamlSource): { brief?: Brief; problems: Problem[] } {
  const result = z.safeParse(briefSchema, source.data);
  if (result.success) return { brief: result.data, problems: [] };
  return { problems: problemsOf(result.error, briefSchema, source, "the brief") };
}

/**
 * Runs a schema over the data and turns every issue into a positioned problem. `root` is what
 * the messages call the whole document ("the brief", "the config file").
 */
export function checkSchemaWith(
  schema: core.$ZodType,
  source: YamlSource,
  root = "the brief",
): Problem[] {
  const result = z.safeParse(schema, source.data);
  if (result.success) return [];
  return problemsOf(result.error, schema, source, root);
}

function problemsOf(
  error: core.$ZodError,
  schema: core.$ZodType,
  source: YamlSource,
  root: string,
): Problem[] {
  return error.issues.flatMap((issue) => toProblems(issue, source, schema, root));
}

function toProblems(
  issue: core.$ZodIssue,
  source: YamlSource,
  schema: core.$ZodType,
  root: string,
): Problem[] {
  const describe = (at: Path) => (at.length === 0 ? root : pathText(at));
  const name = (at: Path) => (at.length === 0 ? root : `"${pathText(at)}"`);
  const path = issue.path.filter((s): s is string | number => typeof s !== "symbol");
  const value = valueAt(source.data, path);
  const problem = (
    code: ProblemCode,
    message: string,
    at: Path = path,
    which?: "key",
  ): Problem => ({
    code,
    message,
    file: source.file,
    pos: source.positionOf(at, which),
    path: at,
  });

  switch (issue.code) {
    case "unrecognized_keys": {
      const known = keysAt(path, source.data, schema);
      return issue.keys.map((key) => {
        const written = source.keyText([...path, key]);
        return problem(
          "unknown-key",
          `unknown key "${written}" in ${describe(path)}${didYouMean(written, known)}`,
          [...path, key],
          "key",
        );
      });
    }
    case "invalid_type":
      if (value === undefined) {
        return [
          problem(
            "missing-key",
            `${describe(path.slice(0, -1))} needs "${last(path)}"`,
            path.slice(0, -1),
          ),
        ];
      }
      return [
        problem(
          "wrong-type",
          `${name(path)} must be ${expected(issue.expected)}, not ${kindOf(value)}${colonHint(issue.expected, value)}`,
        ),
      ];
    case "invalid_union":
      if (
        "discriminator" in issue &&
        (issue as { note?: string }).note === "No matching discriminator"
      ) {
        const options = (issue as { options?: unknown[] }).options?.map(String) ?? [];
        const got = valueAt(source.data, path);
        if (got === undefined) {
          return [
            problem(
              "missing-key",
              `${describe(path.slice(0, -1))} needs "type" (one of ${options.join(", ")})`,
              path.slice(0, -1),
            ),
          ];
        }
        return [
          problem(
            "bad-value",
            `"${String(got)}" is not a section type (${options.join(", ")})${didYouMean(String(got), options)}`,
          ),
        ];
      }
      if (value === undefined) {
        return [
          problem(
            "missing-key",
            `${describe(path.slice(0, -1))} needs "${last(path)}"`,
            path.slice(0, -1),
          ),
        ];
      }
      return [
        problem("wrong-type", `${name(path)} must be ${unionKind(issue)}, not ${kindOf(value)}`),
      ];
    case "invalid_value": {
      const options = issue.values.map(String);
      const got = String(value);
      return [
        problem(
          "bad-value",
          `${name(path)} is "${got}", not one of ${options.join(", ")}${valueHint(got, options)}`,
        ),
      ];
    }
    case "invalid_format":
      // The schema's own words for a value of the wrong form (a source's grade).
      return [problem("bad-value", issue.message)];
    case "too_small":
      return [problem("empty-list", `${name(path)} needs at least ${issue.minimum} entry`)];
    default:
      return [problem("wrong-type", `${name(path)}: ${issue.message}`)];
  }
}

/** What a union of plain values takes: a date (text or a year) or, like `likelihood`, text. */
function unionKind(issue: core.$ZodIssue): string {
  const options = (issue as { errors?: core.$ZodIssue[][] }).errors ?? [];
  const takesYear = options.some((issues) =>
    issues.some(
      (i) => i.code === "invalid_type" && (i.expected === "int" || i.expected === "number"),
    ),
  );
  return takesYear ? "a date or text" : "text";
}

function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = Object.hasOwn(node, segment)
      ? (node as Record<string | number, unknown>)[segment]
      : undefined;
  }
  return node;
}

/** The keys the schema allows for the mapping at `path`, for did-you-mean. */
function keysAt(path: Path, data: unknown, root: core.$ZodType): string[] {
  let schema = root;
  for (let i = 0; i <= path.length; i++) {
    schema = unwrap(schema, valueAt(data, path.slice(0, i)));
    if (i === path.length) break;
    const def = schema._zod.def as {
      type: string;
      shape?: Record<string, core.$ZodType>;
      element?: core.$ZodType;
      valueType?: core.$ZodType;
      catchall?: core.$ZodType;
    };
    const segment = path[i] as string | number;
    const next =
      def.type === "object"
        ? (def.shape?.[segment] ?? def.catchall)
        : def.type === "array"
          ? def.element
          : def.type === "record"
            ? def.valueType
            : undefined;
    if (!next) return [];
    schema = next;
  }
  const def = schema._zod.def as { type: string; shape?: Record<string, unknown> };
  return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(schema: core.$ZodType, value: unknown): core.$ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as {
      type: string;
      innerType?: core.$ZodType;
      options?: core.$ZodType[];
      discriminator?: string;
    };
    if (def.type === "optional" && def.innerType) current = def.innerType;
    else if (def.type === "union" && def.discriminator && def.options) {
      const wanted = (value as Record<string, unknown> | undefined)?.[def.discriminator];
      const match = def.options.find((option) => {
        const shape = (option._zod.def as { shape?: Record<string, core.$ZodType> }).shape;
        const literal = shape?.[def.discriminator as string]?._zod.def as
          | { values?: unknown[] }
          | undefined;
        return literal?.values?.includes(wanted);
      });
      if (!match) return current;
      current = match;
    } else return current;
  }
}

/** "timeline.events[2].date" */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

function last(path: Path): string {
  return String(path[path.length - 1]);
}

function expected(type: string): string {
  return (
    {
      string: "text",
      number: "a number",
      int: "a whole number",
      array: "a list",
      object: "a mapping of keys to values",
      boolean: "true or false",
    }[type] ?? type
  );
}

/**
 * `- Note: colon` is a mapping of one key to YAML, where text was meant: the ": " did it. A
 * value (`title: Note: colon`) gets this hint from the YAML reader.
 */
function colonHint(expectedType: string, value: unknown): string {
  if (expectedType !== "string" || value === null || typeof value !== "object") return "";
  const entries = Object.entries(value);
  const [entry] = entries;
  if (Array.isArray(value) || entries.length !== 1 || typeof entry?.[1] === "object") return "";
  return `: the ": " after "${entry?.[0]}" makes it a key and a value; put the whole text in quotes`;
}

function kindOf(value: unknown): string {
  if (value === null) return "empty";
  // A %YAML 1.1 line makes the library read 2024-06-19 as a timestamp of its own.
  if (value instanceof Date) {
    return "a YAML 1.1 timestamp: remove the %YAML 1.1 line, or put the date in quotes";
  }
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return "text";
  return `a ${typeof value}`;
}

// Words analysts use for a value the format spells another way, for each field it may be
// meant for: "medium" is a confidence's "moderate" and an event's importance "normal".
const synonyms = new Map<string, readonly string[]>([
  ["medium", ["moderate", "normal"]],
  ["med", ["moderate", "normal"]],
  ["mid", ["moderate", "normal"]],
  ["unconfirmed", ["low"]],
  ["critical", ["high"]],
  ["key", ["high"]],
  ["major", ["high"]],
  ["minor", ["low"]],
  ["routine", ["normal"]],
]);

/** "; did you mean …?" by spelling, or by a word that means the same. */
function valueHint(got: string, options: string[]): string {
  const same = synonyms.get(got.trim().toLowerCase())?.find((word) => options.includes(word));
  if (same) return `; did you mean "${same}"?`;
  return didYouMean(got, options);
}
