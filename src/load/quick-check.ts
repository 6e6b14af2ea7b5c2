import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../paths.js";
import type { Brief } from "./schema.js";

/**
 * A yes-or-no answer to "does this data pass the brief schema?", without zod. The answer comes
 * from schema/brief.schema.json, the JSON Schema generated from the zod schema (a test keeps the
 * two the same), read by the small part of JSON Schema that file uses. Loading zod and building
 * its schema is a tenth of a whole HTML-only build, and a valid brief never needs zod's
 * reasons: only a brief that fails here is run through zod, which then says what is wrong.
 *
 * The check may only be stricter than zod, never looser: a keyword it does not know makes it
 * answer no, and zod decides.
 */
export function passesBriefSchema(data: unknown): data is Brief {
  try {
    schema ??= JSON.parse(
      readFileSync(path.join(packageRoot, "schema", "brief.schema.json"), "utf8"),
    );
  } catch {
    // No schema file to read (a damaged install): zod decides alone.
    return false;
  }
  return matchesJsonSchema(schema, data);
}

let schema: unknown;

type Schema = Record<string, unknown>;

/** Keywords that say nothing about the value. */
const notes = new Set(["$schema", "title", "description"]);

/** Whether `value` passes `schema`, read by `keywords` below; false for any other keyword. */
export function matchesJsonSchema(schema: unknown, value: unknown): boolean {
  if (typeof schema !== "object" || schema === null) return false;
  const s = schema as Schema;
  for (const keyword of Object.keys(s)) {
    if (!notes.has(keyword) && !Object.hasOwn(keywords, keyword)) return false;
  }
  for (const [keyword, test] of Object.entries(keywords)) {
    if (Object.hasOwn(s, keyword) && !test(s[keyword], value, s)) return false;
  }
  return true;
}

type Keyword = (arg: unknown, value: unknown, schema: Schema) => boolean;

/**
 * A mapping as YAML gives it: a plain object. A YAML 1.1 document (`%YAML 1.1`) can also give
 * dates, sets, maps and byte arrays, objects without keys of their own that zod refuses.
 */
const isObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

const keywords: Record<string, Keyword> = {
  type: (type, value) => {
    switch (type) {
      case "object":
        return isObject(value);
      case "array":
        return Array.isArray(value);
      case "string":
        return typeof value === "string";
      case "integer":
        return Number.isInteger(value);
      case "boolean":
        return typeof value === "boolean";
      default:
        return false;
    }
  },
  const: (constant, value) => value === constant,
  // JSON Schema's patterns are ECMAScript regular expressions, unanchored.
  pattern: (pattern, value) =>
    typeof value === "string" &&
    typeof pattern === "string" &&
    new RegExp(pattern, "u").test(value),
  enum: (values, value) => Array.isArray(values) && values.includes(value),
  minimum: (min, value) => typeof value === "number" && value >= (min as number),
  maximum: (max, value) => typeof value === "number" && value <= (max as number),
  anyOf: (options, value) =>
    Array.isArray(options) && options.some((o) => matchesJsonSchema(o, value)),
  oneOf: (options, value) =>
    Array.isArray(options) && options.filter((o) => matchesJsonSchema(o, value)).length === 1,
  minItems: (min, value) => Array.isArray(value) && value.length >= (min as number),
  items: (item, value) => Array.isArray(value) && value.every((v) => matchesJsonSchema(item, v)),
  required: (keys, value) =>
    isObject(value) && Array.isArray(keys) && keys.every((k) => Object.hasOwn(value, k)),
  properties: (shape, value) =>
    isObject(value) &&
    isObject(shape) &&
    Object.keys(value).every(
      (k) => !Object.hasOwn(shape, k) || matchesJsonSchema(shape[k], value[k]),
    ),
  // Every key of a mapping read from YAML is a string.
  propertyNames: (names) =>
    isObject(names) && Object.keys(names).join() === "type" && names.type === "string",
  additionalProperties: (rest, value, s) => {
    if (!isObject(value)) return false;
    const known = isObject(s.properties) ? s.properties : {};
    const others = Object.keys(value).filter((k) => !Object.hasOwn(known, k));
    return rest === false
      ? others.length === 0
      : others.every((k) => matchesJsonSchema(rest, value[k]));
  },
};
