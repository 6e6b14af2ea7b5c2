import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PageLender } from "../browser/deck-page.js";
import { BrowserSession, type SessionOptions } from "../browser/session.js";
import type { BriefChanges } from "../compare/changes.js";
import { deckFiles, writeDeckFiles } from "../export/deck-files.js";
import { printHandout } from "../export/handout.js";
import { outputNames } from "../export/outputs.js";
import { printPdf } from "../export/pdf.js";
import { makePptx } from "../export/pptx.js";
import { singleFileHtml } from "../export/single-file.js";
import { onInterrupt } from "../interrupt.js";
import type { Labels } from "../labels/labels.js";
import type { LoadedBrief } from "../load/load-brief.js";
import { pdfExtras } from "../model/pdf-info.js";
import type { NormalBrief } from "../normalize/normal-brief.js";
import { type LookSettings, renderBrief } from "../render/render-brief.js";
import { customThemePath } from "../render/render-deck.js";
import { builtRenderInputs, type RenderInputs } from "../render/render-inputs.js";
import type { Preview } from "./preview.js";

/**
 * The files `build` can write beside a deck, which the preview makes when they are asked for:
 * not the slides' pictures, a folder that a download cannot be.
 */
export type OutputKind = Exclude<keyof ReturnType<typeof outputNames>, "png">;

type Loaded = Pick<LoadedBrief, "brief" | "name" | "images"> & { changes?: BriefChanges };
type Rendered = ReturnType<typeof renderBrief>;

/** An output made for a download. */
export interface MadeOutput {
  bytes: Uint8Array;
  type: string;
  /** The name `build` gives the file, for the download. */
  fileName: string;
  /** A strong ETag: a hash of the bytes. */
  etag: string;
}

const types: Record<OutputKind, string> = {
  pdf: "application/pdf",
  handout: "application/pdf",
  singleFile: "text/html; charset=utf-8",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

/** What each output is called on the index page, in the brief's words, in the order it lists them. */
export function outputLabels(labels: Labels): Record<OutputKind, string> {
  // PowerPoint is the file's name in every language.
  return {
    pdf: "PDF",
    handout: labels.handout,
    singleFile: labels.singleFile,
    pptx: "PowerPoint",
  };
}

/** Which output of a deck a file name beside it asks for, if any. */
export function outputNamed(deck: string, file: string): OutputKind | undefined {
  const names = outputNames(deck);
  return (Object.keys(types) as OutputKind[]).find((kind) => names[kind] === file);
}

/**
 * A deck's outputs, made from its last valid version as `build` makes them, each only when it
 * is first asked for, and kept while what it is made from is unchanged: the deck's HTML and
 * the bytes of every file beside it (theme, fonts, images). A template saved as it was, or a
 * brief saved with a change of comment, keeps it. Printing needs the browser, which starts
 * with the first PDF asked for and stays until `close`.
 */
export class DeckOutputs {
  private readonly made = new Map<string, { inputs: string; output: Promise<MadeOutput> }>();
  private readonly session: BrowserSession;

  constructor(
    private readonly look: LookSettings,
    browser: SessionOptions,
    private readonly sourceDateEpoch?: number,
  ) {
    this.session = new BrowserSession(browser);
  }

  /** The output of the preview's last valid version (it must have one), rendered with `render`. */
  async get(
    preview: Preview,
    kind: OutputKind,
    render: RenderInputs = builtRenderInputs(),
  ): Promise<MadeOutput> {
    if (!preview.good) throw new Error(`${preview.name} has no deck`);
    const loaded = { ...preview.good.loaded, changes: preview.good.changes };
    const { changes } = loaded;
    const rendered = renderBrief(
      loaded.brief as NormalBrief,
      loaded.name,
      this.look,
      { changes },
      render,
    );
    const inputs = await hashDeck(kind, rendered.html, loaded.images, this.look.theme);
    const key = `${preview.name}\0${kind}`;
    const cached = this.made.get(key);
    if (cached?.inputs === inputs) return cached.output;
    const output = this.make(loaded, rendered, kind, render);
    // A failure is not kept: the next request tries again.
    output.catch(() => {
      if (this.made.get(key)?.output === output) this.made.delete(key);
    });
    this.made.set(key, { inputs, output });
    return output;
  }

  /** Ends the browser, if a download started it. */
  close(): Promise<void> {
    return this.session[Symbol.asyncDispose]();
  }

  private async make(
    loaded: Loaded,
    rendered: Rendered,
    kind: OutputKind,
    inputs: RenderInputs,
  ): Promise<MadeOutput> {
    const bytes = await makeOutput(
      loaded,
      rendered,
      kind,
      this.look,
      inputs,
      this.sourceDateEpoch,
      this.session,
    );
    return {
      bytes,
      type: types[kind],
      fileName: outputNames(loaded.name)[kind],
      etag: `"${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}"`,
    };
  }
}

/**
 * Makes one output of a valid brief the way `build` does: the deck is written to a temporary
 * folder (always removed, also on Ctrl-C) and printed or inlined from there.
 */
async function makeOutput(
  loaded: Loaded,
  { deck, html }: Rendered,
  kind: OutputKind,
  look: LookSettings,
  inputs: RenderInputs,
  sourceDateEpoch: number | undefined,
  pages: PageLender,
): Promise<Uint8Array> {
  const brief = loaded.brief as NormalBrief;
  const folder = await mkdtemp(path.join(os.tmpdir(), "briefing-serve-"));
  const forget = onInterrupt(() => rmSync(folder, { recursive: true, force: true }));
  try {
    await writeDeckFiles(folder, html, loaded.images, look.theme);
    if (kind === "singleFile") {
      // Sent to others: the presenter's notes stay out, as `build --single-file` leaves them.
      const { changes } = loaded;
      const shared = renderBrief(brief, loaded.name, look, { notes: false, changes }, inputs).html;
      return Buffer.from(await singleFileHtml(shared, folder));
    }
    const extras = pdfExtras(brief, deck, html, sourceDateEpoch);
    if (kind === "pptx") return await makePptx(deck, folder, extras.metadata);
    if (kind === "handout") {
      const customTheme = look.theme ? customThemePath : undefined;
      return await printHandout(pages, deck, folder, extras, customTheme, {}, inputs);
    }
    const target = { deck, folder, customTheme: !!look.theme, inputs };
    return await printPdf(pages, target, extras);
  } finally {
    await rm(folder, { recursive: true, force: true });
    forget();
  }
}

/** A hash of what an output is made from: its kind, the deck's HTML and the files beside it. */
async function hashDeck(
  kind: OutputKind,
  html: string,
  images: Map<string, string>,
  theme?: string,
): Promise<string> {
  const hash = createHash("sha256").update(kind).update("\0").update(html);
  for (const [from, to] of deckFiles(images, theme)) {
    hash.update(`\0${to}\0`).update(await readFile(from).catch(() => "missing"));
  }
  return hash.digest("hex");
}

/** `attachment` with the file's name, in ASCII for old clients and in full (RFC 6266). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
