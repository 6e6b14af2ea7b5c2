import type { Labels } from "../labels.js";

// French typography puts a no-break space before a colon.
const nbsp = "\u00a0";

/** French, as ministries' notes are headed (Point de situation, L’essentiel). */
export const fr: Labels = {
  kicker: "Point de situation",
  summary: "L’essentiel",
  timeline: "Chronologie",
  sources: "Sources",
  cited: `Sources${nbsp}:`,
  asOf: "Situation au {date}",
  part: "({index}/{count})",
  confidenceLow: `Degré de confiance${nbsp}: faible`,
  confidenceModerate: `Degré de confiance${nbsp}: modéré`,
  confidenceHigh: `Degré de confiance${nbsp}: élevé`,
  // "après :" leaves the preposition hanging; the title in guillemets reads as its object.
  previousEvent: `{duration} après «${nbsp}{title}${nbsp}» ({date})`,
  image: "Image",
  quote: "Citation",
  handout: "Document de séance",
  separator: " · ",
  contents: "Sommaire",
  notes: "Commentaires",
  yourNotes: "Vos notes",
  pageOf: "Page {page} sur {total}",
  events: { one: "{count} événement", many: "{count} d’événements", other: "{count} événements" },
  present: "Présenter",
  singleFile: "Fichier unique",
  earlyMonth: "début {date}",
  midMonth: "mi-{date}",
  lateMonth: "fin {date}",
  earlyYear: "début {date}",
  midYear: "mi-{date}",
  lateYear: "fin {date}",
  circa: "vers {date}",
  dateTime: "{date} à {time}",
  span: "{start} – {end}",
  source: "{title}[. {publisher}][, {date}].",
  citedLine: "{cited} {refs}",
  overviewNote: `{date}, {title}${nbsp}: `,
};
