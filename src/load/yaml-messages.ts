import type { ErrorCode } from "yaml";

// The yaml library's messages are written for programmers ("please use
// YAML.parseAllDocuments()", "Implicit map keys need to be followed by map values"). A brief's
// author gets these instead: what is wrong, in the words of the file, and what to do.

/** Refinements of one code, chosen by what the library's own message mentions. */
type Refined = [RegExp, string | ((match: RegExpExecArray) => string)][];

const refined: Partial<Record<ErrorCode, Refined>> = {
  MISSING_CHAR: [
    [/closing "quote/, "a double quote opened here is never closed"],
    [/closing 'quote/, "a single quote opened here is never closed"],
    [/Missing , (or : )?between/, "a comma is missing between these items in [ ] or { }"],
    [/space after :/, 'a space is needed after ":" here'],
    [/Comments must be separated/, "a # that starts a comment needs a space before it"],
    [/followed by map values/, 'this key needs a ":" after it (or the line is not indented right)'],
    [/without - indicator/, 'a list item needs "- " in front of it'],
    [/Tags and anchors must be separated/, "a tag or anchor needs a space after it"],
    [/directives-end/, 'a "---" line is missing after the "%" line'],
    [/to end with/, "a [ or { opened here is never closed"],
  ],
  UNEXPECTED_TOKEN: [
    [/at node end/, "something follows this value on its line: quote the whole value"],
    [/in YAML stream/, "this belongs to no list or mapping above it: check its indentation"],
    [/Unexpected empty item/, "an empty item: two commas in a row?"],
    [/Unexpected , /, "a comma that belongs to no list or mapping"],
    [/Unexpected (flow-seq-end|flow-map-end|\]|\})/, "a closing bracket with no opening one"],
  ],
  BAD_INDENT: [[/end with a/, "a [ or { opened here is never closed"]],
  BLOCK_AS_IMPLICIT_KEY: [
    [/Nested mappings/, 'a second ": " on this line: put the value in quotes'],
  ],
  BAD_SCALAR_START: [
    [
      /cannot start with (?:reserved character )?(\S+)/,
      (m) => `a value cannot start with ${m[1]}: put it in quotes`,
    ],
  ],
  TAG_RESOLVE_FAILED: [
    [/Unresolved tag: (\S+)/, (m) => `the tag ${m[1]} is not one a brief can use: remove it`],
  ],
};

const general: Record<ErrorCode, string> = {
  ALIAS_PROPS: "an alias (*name) cannot carry a tag or an anchor",
  BAD_ALIAS: 'an anchor (&name) or alias (*name) needs a name that does not end in ":"',
  BAD_COLLECTION_TYPE: "this tag is for another kind of value",
  BAD_DIRECTIVE: 'this "%" line is not one a brief can use',
  BAD_DQ_ESCAPE: 'this backslash escape means nothing in double quotes (write "\\\\" for "\\")',
  BAD_INDENT: "this line is not indented to match the lines around it",
  BAD_PROP_ORDER: 'a tag or anchor must come after the "-" or "?" of its item',
  BAD_SCALAR_START: "a value cannot start with this character: put it in quotes",
  BLOCK_AS_IMPLICIT_KEY: "a list or mapping cannot be a key",
  BLOCK_IN_FLOW: "inside [ ] or { }, items are separated by commas: is one missing?",
  DUPLICATE_KEY: "this key appears twice in the same mapping",
  IMPOSSIBLE: "this cannot be read as YAML",
  KEY_OVER_1024_CHARS: "a key longer than 1024 characters",
  MISSING_CHAR: "something is missing here: a closing quote or bracket, a comma or a colon",
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line: is a ":" or a closing quote missing?',
  MULTIPLE_ANCHORS: "a value can have only one anchor (&name)",
  MULTIPLE_DOCS:
    'a brief is one YAML document, and a second one starts here with "---": remove it, or move what follows to a brief of its own',
  MULTIPLE_TAGS: "a value can have only one tag",
  NON_STRING_KEY: "a key must be plain text",
  RESOURCE_EXHAUSTION: "aliases repeat values here far more than any brief needs",
  TAB_AS_INDENT: "this line is indented with a tab: YAML needs spaces",
  TAG_RESOLVE_FAILED: "this tag is not one a brief can use: remove it",
  UNEXPECTED_TOKEN: "this cannot go here: is a quote or bracket above it not closed?",
};

/** The tool's message for one of the yaml library's errors. */
export function yamlMessage(code: ErrorCode, libraryMessage: string): string {
  for (const [pattern, message] of refined[code] ?? []) {
    const match = pattern.exec(libraryMessage);
    if (match) return typeof message === "string" ? message : message(match);
  }
  return general[code] ?? "this cannot be read as YAML";
}

/** The tool's message for an error thrown while turning the YAML into data (aliases). */
export function conversionMessage(libraryMessage: string): string {
  if (/alias count/i.test(libraryMessage)) return general.RESOURCE_EXHAUSTION;
  const unresolved = unresolvedAlias(libraryMessage);
  if (unresolved) return `the alias *${unresolved} names no anchor (&name) written before it`;
  return "an alias (*name) here cannot be read";
}

/** The name of the alias an error says names no anchor, if it says that. */
export function unresolvedAlias(libraryMessage: string): string | undefined {
  return /Unresolved alias[^:]*: \*?(\S+)/.exec(libraryMessage)?.[1];
}
