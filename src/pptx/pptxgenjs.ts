// pptxgenjs's types as this project's modules see them, and the library loaded on first use.
// Its types describe a CommonJS module (its `default` is the class under `default`), while
// Node imports its ES module build, whose `default` is the class.
import type Pptx from "pptxgenjs";

/** A presentation being written. */
export type Presentation = Pptx.default;
/** One slide of it. */
export type PptxSlide = Pptx.default.Slide;
/** A run of text with its options. */
export type TextRun = Pptx.default.TextProps;
/** The options of a run of text, or of a text box. */
export type TextOptions = Pptx.default.TextPropsOptions;
/** What a slide master (a layout, in PowerPoint's words) is made of. */
export type MasterProps = Pptx.default.SlideMasterProps;

/** A new presentation; pptxgenjs is loaded the first time. */
export async function newPresentation(): Promise<Presentation> {
  const loaded = (await import("pptxgenjs")) as unknown as {
    default: (new () => Presentation) | { default: new () => Presentation };
  };
  const PptxGenJS = "default" in loaded.default ? loaded.default.default : loaded.default;
  return new PptxGenJS();
}
