import { readFileSync } from "node:fs";
import { packageRequire as require } from "../paths.js";

/** The parts of HarfBuzz's subsetter (compiled to WebAssembly) that cutting a font needs. */
interface HarfBuzz {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_pin_axis_location(
    input: number,
    face: number,
    axis: number,
    value: number,
  ): number;
  hb_subset_or_fail(face: number, input: number): number;
}

let harfBuzz: HarfBuzz | undefined;

function loadHarfBuzz(): HarfBuzz {
  harfBuzz ??= new WebAssembly.Instance(
    new WebAssembly.Module(readFileSync(require.resolve("harfbuzzjs/dist/harfbuzz-subset.wasm"))),
  ).exports as unknown as HarfBuzz;
  return harfBuzz;
}

const blobWritable = 2;
const dropTablesSet = 3;
// Metrics for vertical text: slides are set horizontally. Everything else stays, so the cut
// draws as the whole font does: its hints, and its layout tables with the glyphs their
// features reach (`locl` picks the Japanese, Chinese or Korean form of a Han character by the
// text's language).
const droppedTables = ["VORG", "vhea", "vmtx"];

function tag(name: string): number {
  return [...name].reduce((value, char) => value * 256 + char.charCodeAt(0), 0);
}

/**
 * Cuts from `font` (an OpenType file or collection; `face` picks one of a collection) a font
 * with the glyphs of `characters` alone. A variable font is made static at the `axes` given
 * (such as `{ wght: 700 }`): Chrome prints a variable font as Type 3, whose text loses its
 * spaces, and a static TrueType one as CID TrueType, which keeps them. Returns undefined when
 * the font cannot be read or an axis cannot be pinned.
 */
export function subsetFont(
  font: Uint8Array,
  face: number,
  characters: Iterable<number>,
  axes: Record<string, number> = {},
): Uint8Array | undefined {
  const hb = loadHarfBuzz();
  const data = hb.malloc(font.length);
  new Uint8Array(hb.memory.buffer).set(font, data);
  const blob = hb.hb_blob_create(data, font.length, blobWritable, 0, 0);
  const source = hb.hb_face_create(blob, face);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  try {
    const drop = hb.hb_subset_input_set(input, dropTablesSet);
    for (const name of droppedTables) hb.hb_set_add(drop, tag(name));
    const wanted = hb.hb_subset_input_unicode_set(input);
    for (const code of characters) hb.hb_set_add(wanted, code);
    for (const [axis, value] of Object.entries(axes)) {
      if (!hb.hb_subset_input_pin_axis_location(input, source, tag(axis), value)) return undefined;
    }
    const cut = hb.hb_subset_or_fail(source, input);
    if (!cut) return undefined;
    const result = hb.hb_face_reference_blob(cut);
    const length = hb.hb_blob_get_length(result);
    const start = hb.hb_blob_get_data(result, 0);
    // Copied out before the memory is freed (or grows, which detaches the old view).
    const bytes = length
      ? new Uint8Array(hb.memory.buffer).slice(start, start + length)
      : undefined;
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(cut);
    return bytes;
  } finally {
    hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(source);
    hb.free(data);
  }
}
