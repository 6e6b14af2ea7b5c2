import { readNotesPlugin, speakerViewHashes } from "./speaker-view.js";
import { loadTemplates, type TemplateSource, type Templates } from "./templates.js";

/**
 * What rendering reads besides the deck model: the compiled templates, and the hashes of the
 * speaker view's script from reveal's notes plugin. Each is read when first asked for, once per
 * object; rendering with the same object never reads a file again.
 */
export interface RenderInputs extends Templates {
  /** The CSP sources of the speaker view's inline script. */
  speakerViewHashes(): string[];
}

/** Render inputs with the templates from `source`. */
export function loadRenderInputs(source: TemplateSource = "built"): RenderInputs {
  const templates = loadTemplates(source);
  let hashes: string[] | undefined;
  return {
    template: (name) => templates.template(name),
    speakerViewHashes: () => {
      hashes ??= speakerViewHashes(readNotesPlugin());
      return hashes;
    },
  };
}

let built: RenderInputs | undefined;

/**
 * The process's render inputs as this copy of briefing was built, shared by every render that
 * is given none: a build's and a check's. `serve`, whose templates can change under it, holds
 * inputs of its own instead.
 */
export function builtRenderInputs(): RenderInputs {
  built ??= loadRenderInputs();
  return built;
}
