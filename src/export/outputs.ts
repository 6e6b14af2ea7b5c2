import { access, copyFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "puppeteer";
import type { PageLender } from "../browser/deck-page.js";
import type { BriefChanges } from "../compare/changes.js";
import type { Problem } from "../errors.js";
import type { LoadedBrief } from "../load/load-brief.js";
import type { Deck } from "../model/deck.js";
import type { PdfExtras } from "../model/pdf-info.js";
import type { NormalBrief } from "../normalize/normal-brief.js";
import type { LookSettings } from "../render/render-brief.js";
import { deckFolder } from "./deck-files.js";
import { handoutOutput } from "./handout.js";
import { type PrintOptions, pdfOutput } from "./pdf.js";
import { pngOutput } from "./png.js";
import { pptxOutput } from "./pptx.js";
import type { ScaledImages } from "./scale-images.js";
import { singleFileOutput } from "./single-file.js";

/**
 * What a build writes, in this order: the deck's folder first, since every other output is
 * made from it. A new output format is a file of `export/` that provides an `Output`, and one
 * line here.
 */
export const outputs = [
  deckFolder,
  pdfOutput,
  handoutOutput,
  singleFileOutput,
  pptxOutput,
  pngOutput,
] as const;

/** The outputs written beside the deck's index.html, each only when it is asked for. */
export const besideDeck = outputs.filter((output) => output !== deckFolder);

/** Each output by its key in a build's result: the deck's index.html ("html") and the rest. */
export type OutputKind = (typeof outputs)[number]["kind"];

/** The outputs a build may write beside the deck's index.html. */
export type BesideDeckKind = Exclude<OutputKind, typeof deckFolder.kind>;

/** The settings that decide which outputs a build writes, and what goes into them. */
export interface OutputSettings extends LookSettings {
  pdf: boolean;
  /** Also write `<name>-handout.pdf`: each slide with its notes and sources, on portrait pages. */
  handout?: boolean;
  /** Also write `<name>.html`: the whole deck in one file. */
  singleFile?: boolean;
  /** Also write `<name>.pptx`: the deck as native, editable PowerPoint slides. */
  pptx?: boolean;
  /** Also write `slides/01.png` …: a picture of each page of the PDF, 1920 × 1080. */
  png?: boolean;
  /** The one-file deck keeps the speaker notes (they are left out by default). */
  notes?: boolean;
  /** Each page the browser opens for a brief must be done within this many milliseconds. */
  timeout?: number;
  /** Dates every PDF, in seconds since 1970, instead of the brief's as-of date. */
  sourceDateEpoch?: number;
}

/** One thing a build writes into a deck's folder. */
export interface Output<Kind extends string = string> {
  /** Its key in a build's result. */
  kind: Kind;
  /** Its file in the deck's folder, for a deck of this name. */
  fileName(name: string): string;
  wanted(settings: OutputSettings): boolean;
  /** It prints in the browser, which is then started as soon as the brief is known to be valid. */
  browser: boolean;
  /** Not asked for, an earlier build's file is kept (and said to be stale) rather than removed. */
  keptWhenNotAsked?: boolean;
  write(job: OutputJob): Promise<void>;
  /**
   * Made instead in the PDF's page, from its print document as laid out there, when the PDF is
   * printed too (see `OutputJob.inPrintView`): the deck is then laid out once for both.
   */
  fromPrintView?(page: Page, job: OutputJob): Promise<void>;
}

/** What an output is made from: one valid brief, rendered, in the deck folder being written. */
export interface OutputJob {
  loaded: LoadedBrief;
  brief: NormalBrief;
  deck: Deck;
  html: string;
  /** What changed since the brief's earlier version, when built `--since` one. */
  changes?: BriefChanges;
  settings: OutputSettings;
  /** The new deck folder, which replaces the old one once every output is in it. */
  folder: string;
  /** Where this output goes, in `folder`. */
  file: string;
  /** The brief's images as made for its slides: see `scaleImages`. */
  scaled: ScaledImages;
  extras: PdfExtras;
  limits: PrintOptions;
  /** The browser's pages, to print and look in. */
  pages: PageLender;
  /** Told what the browser saw amiss, by an output that laid the slides out as `check` does. */
  laidOut(warnings: Problem[]): void;
  /**
   * Makes, in a page where the PDF's print document is open and laid out, the outputs asked for
   * that are made from it (see `Output.fromPrintView`). Called by the PDF.
   */
  inPrintView(page: Page): Promise<void>;
}

/** The file names of a deck's outputs beside its index.html. */
export function outputNames(name: string): Record<BesideDeckKind, string> {
  return Object.fromEntries(
    besideDeck.map((output) => [output.kind, output.fileName(name)]),
  ) as Record<BesideDeckKind, string>;
}

/** An output of an earlier build, by what it is and where it is (or was). */
export interface EarlierOutput {
  output: BesideDeckKind;
  path: string;
}

/** Where each output asked for goes in the deck folder `target`, by its kind. */
export function outputPaths(
  settings: OutputSettings,
  target: string,
  name: string,
): Partial<Record<OutputKind, string>> {
  const wanted = outputs.filter((output) => output.wanted(settings));
  return Object.fromEntries(
    wanted.map((output) => [output.kind, path.join(target, output.fileName(name))]),
  );
}

/**
 * Writes every output asked for into the job's folder, in order. Of the others, the earlier
 * build's file in `target` is kept (copied into the folder, and said to be stale) by an output
 * that keeps it, and is said to be removed otherwise.
 */
export async function writeOutputs(
  job: Omit<OutputJob, "file" | "inPrintView">,
  target: string,
): Promise<{ removed: EarlierOutput[]; stale: EarlierOutput[] }> {
  const removed: EarlierOutput[] = [];
  const stale: EarlierOutput[] = [];
  const fileOf = (output: Output) => path.join(job.folder, output.fileName(job.loaded.name));
  const inPrint: Output[] = pdfOutput.wanted(job.settings)
    ? outputs.filter((output: Output) => output.fromPrintView && output.wanted(job.settings))
    : [];
  const inPrintView = async (page: Page) => {
    for (const output of inPrint) {
      await output.fromPrintView?.(page, { ...job, file: fileOf(output), inPrintView });
    }
  };
  for (const output of outputs) {
    const file = fileOf(output);
    const old = earlier(output, target, job.loaded.name);
    if (output.wanted(job.settings)) {
      if (!inPrint.includes(output)) await output.write({ ...job, file, inPrintView });
    } else if (!output.keptWhenNotAsked) {
      if (await exists(old.path)) removed.push(old);
    } else if (await copied(old.path, file)) stale.push(old);
  }
  return { removed, stale };
}

/** The outputs that a build in `target` kept from the one before it, by their file names there. */
export function keptOutputs(files: readonly string[], target: string, name: string) {
  return outputs
    .filter((output) => output.keptWhenNotAsked && files.includes(output.fileName(name)))
    .map((output) => earlier(output, target, name));
}

function earlier(output: Output, target: string, name: string): EarlierOutput {
  // Only the deck's folder has no earlier output to speak of, and it is always written.
  return { output: output.kind as BesideDeckKind, path: path.join(target, output.fileName(name)) };
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

const copied = (from: string, to: string) =>
  copyFile(from, to).then(
    () => true,
    () => false,
  );
