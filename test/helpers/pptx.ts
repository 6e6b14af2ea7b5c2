import JSZip from "jszip";

/** A PowerPoint file read back: every XML part by its name, and the names of the others. */
export interface PptxParts {
  xml: Map<string, string>;
  names: string[];
}

/** Reads a .pptx with JSZip, as any other program would. */
export async function readPptx(bytes: Uint8Array): Promise<PptxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = new Map<string, string>();
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir);
  for (const name of names) {
    if (/\.(xml|rels)$/.test(name))
      xml.set(name, await (zip.file(name) as JSZip.JSZipObject).async("string"));
  }
  return { xml, names };
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#x([0-9a-f]+)|#(\d+));/gi, (_, name, hex, dec) =>
    hex
      ? String.fromCodePoint(Number.parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : (entities[name] ?? ""),
  );

/** The text of each paragraph of a part, its runs joined. */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map(([, inner]) =>
    [...(inner as string).matchAll(/<a:t>([^<]*)<\/a:t>/g)]
      .map(([, t]) => unescapeXml(t as string))
      .join(""),
  );
}

/** The slides' parts in the deck's order, as presentation.xml lists them. */
export function slideParts(parts: PptxParts): string[] {
  const rels = parts.xml.get("ppt/_rels/presentation.xml.rels") ?? "";
  const targets = new Map(
    [...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map(
      ([, id, target]) => [id, target],
    ),
  );
  const presentation = parts.xml.get("ppt/presentation.xml") ?? "";
  return [...presentation.matchAll(/<p:sldId [^>]*r:id="([^"]+)"/g)].map(
    ([, id]) => `ppt/${targets.get(id as string)}`,
  );
}

/** A part's relationships: their type (its last word), target and mode. */
export function relationships(parts: PptxParts, part: string) {
  const rels = parts.xml.get(part.replace(/([^/]+)$/, "_rels/$1.rels")) ?? "";
  return [...rels.matchAll(/<Relationship ([^>]*)\/>/g)].map(([, attributes]) => {
    const attribute = (name: string) =>
      new RegExp(` ?${name}="([^"]*)"`).exec(attributes as string)?.[1];
    return {
      id: attribute("Id") as string,
      type: (attribute("Type") ?? "").split("/").pop() as string,
      target: unescapeXml(attribute("Target") ?? ""),
      external: attribute("TargetMode") === "External",
    };
  });
}
