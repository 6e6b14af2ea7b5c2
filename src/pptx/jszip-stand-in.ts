// What the command's bundle of pptxgenjs (scripts/bundle.mjs) gives it for JSZip: the little of
// JSZip that pptxgenjs uses to write a presentation, storing each file as it is. JSZip's own
// writing, in JavaScript and in asynchronous steps, took longer than everything else a
// PowerPoint file costs; the package is deflated afterwards by `repack` in any case.
import { writeZip, type ZipEntry } from "./zip.js";

type Content = string | Uint8Array;

/** The folders and files of a zip being made; a folder is where its files' names start. */
export default class ZipStandIn {
  private readonly entries: Map<string, ZipEntry>;

  constructor(
    private readonly prefix = "",
    entries?: Map<string, ZipEntry>,
  ) {
    this.entries = entries ?? new Map();
  }

  folder(name: string): ZipStandIn {
    return new ZipStandIn(`${this.prefix}${name.replace(/\/?$/, "/")}`, this.entries);
  }

  file(name: string, content: Content, options: { base64?: boolean } = {}): this {
    const full = `${this.prefix}${name}`;
    const data =
      typeof content === "string"
        ? Buffer.from(content, options.base64 ? "base64" : "utf8")
        : content;
    this.entries.set(full, { name: full, data });
    return this;
  }

  async generateAsync(options: { type?: string }): Promise<Buffer | Uint8Array | string> {
    const zip = writeZip([...this.entries.values()], new Date(Date.UTC(1980, 0, 1)), false);
    if (options.type === "base64") return zip.toString("base64");
    if (options.type === "uint8array") return new Uint8Array(zip);
    return zip;
  }
}
