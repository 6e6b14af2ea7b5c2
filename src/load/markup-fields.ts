import type { Brief, BriefEvent, BriefSection } from "./schema.js";

type Section<T extends BriefSection["type"]> = Extract<BriefSection, { type: T }>;
type Keys<T> = readonly (keyof T & string)[];

/**
 * The one list of the fields that take inline markup (**bold**, *italic*, [links](…)): the
 * validator checks the links in exactly these, the deck model reads exactly these as markup,
 * and the JSON Schema says so in their descriptions. Titles (the brief's, a section's, an
 * event's), names, attributions and sources stay plain text: they are also the PDF's
 * bookmarks, the page's <title> and the overview's labels, where markup has no place.
 */
export const markupFields = {
  brief: ["summary"],
  event: ["detail", "notes"],
  /** Every section's. */
  section: ["notes"],
  /** By section type, besides those of every section. */
  sections: {
    points: ["items"],
    watch: ["items"],
    quote: ["text"],
    image: ["caption", "credit"],
  },
  /** The fields of each item in a section's list, by section type and list. */
  items: {
    judgments: { items: ["statement"] },
    actors: { people: ["role", "note"] },
  },
} as const;

// The table is checked against the schema's types here, apart from its own definition: the
// schema reads the table to describe these fields, and a check inside would be circular.
type Fields = {
  brief: Keys<Brief>;
  event: Keys<BriefEvent>;
  section: Keys<BriefSection>;
  sections: { [T in BriefSection["type"]]?: Keys<Section<T>> };
  items: {
    judgments: { items: Keys<Section<"judgments">["items"][number]> };
    actors: { people: Keys<Section<"actors">["people"][number]> };
  };
};
true satisfies typeof markupFields extends Fields ? true : false;
