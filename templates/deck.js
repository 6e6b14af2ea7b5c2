// A preview given the deck's HTML (below) is an about:srcdoc page, its query on its frame.
const previewQuery =
  window.location.href === "about:srcdoc" ? (window.frameElement?.dataset.query ?? null) : null;
const isPreview = /receiver/i.test(previewQuery ?? window.location.search);

// A deck opened from a data: or blob: URL (a mail client may open an attachment so) has no URL
// that loads it again with the previews' query. Their frames are given the deck's own HTML
// instead, as it is before reveal changes it.
const ownHtml =
  isPreview || /^(https?|file):$/.test(window.location.protocol)
    ? null
    : `<!doctype html>\n${document.documentElement.outerHTML}`;

// reveal's speaker view (S) steers the deck, and its previews (the deck itself in frames, with
// `?receiver`), by postMessage. Any page that frames the deck could post the same messages, so
// a message gets to reveal and its notes plugin only from the speaker window this deck opened,
// or, in a preview, from the speaker window showing it. This listener is the first (capture,
// registered before reveal's) and stops the others from hearing the rest.
window.addEventListener(
  "message",
  (event) => {
    if (!fromSpeakerView(event.source)) event.stopImmediatePropagation();
    else if (ownHtml) feedPreviews(event.source);
  },
  true,
);

function fromSpeakerView(source) {
  if (!source) return false;
  // `opener` outlives a reload of the deck, so a speaker view left open reconnects.
  if (!isPreview) return source.opener === window && ownOrigin(source);
  const view = window.parent;
  return (
    source === view &&
    view !== window &&
    view === window.top &&
    view.opener !== null &&
    ownOrigin(view)
  );
}

/**
 * Whether `other` is of the deck's origin, as far as a page can tell. Chromium puts each
 * file:// page in an origin of its own (a reloaded deck too), so there the deck cannot look into
 * the speaker window after a reload, nor a preview ever; but no web page can frame a file:// one.
 */
function ownOrigin(other) {
  if (window.location.protocol === "file:") return true;
  try {
    return other.document !== undefined;
  } catch {
    return false;
  }
}

function feedPreviews(view) {
  for (const frame of view.document.querySelectorAll(
    "#current-slide iframe, #upcoming-slide iframe",
  )) {
    const query = /[?&](receiver[^#]*)/.exec(frame.getAttribute("src") ?? "");
    if (frame.srcdoc || !query) continue;
    frame.dataset.query = query[1];
    frame.srcdoc = ownHtml;
  }
}

/** reveal's settings from a query, as reveal reads its own from the URL. */
function settingsOf(query) {
  const value = (text) =>
    text === "true" ? true : text === "false" ? false : /^\d+$/.test(text) ? Number(text) : text;
  return Object.fromEntries(
    [...new URLSearchParams(query)].map(([name, text]) => [name, value(text)]),
  );
}

// Starts the deck. The same settings serve the screen and the print view (`?print-pdf`).
Reveal.initialize({
  width: 1280,
  height: 720,
  margin: 0,
  minScale: 0.2,
  maxScale: 2,
  center: false,
  hash: true,
  // Left and right step through every slide, the event slides stacked under an overview too.
  navigationMode: "linear",
  controls: true,
  controlsLayout: "edges",
  progress: true,
  slideNumber: false,
  transition: "fade",
  transitionSpeed: "fast",
  pdfSeparateFragments: false,
  pdfMaxPagesPerSlide: 1,
  // The speaker view steers the deck and its previews through reveal's API (the previews ask
  // for its events in their query); the listener above keeps every other page out.
  postMessage: true,
  postMessageEvents: false,
  // The previews' frames load a blank page until they are given the deck's HTML.
  ...(ownHtml ? { url: "about:blank" } : {}),
  // Such a preview's URLs resolve against the deck's own, which it may not write.
  ...(previewQuery ? { ...settingsOf(previewQuery), hash: false } : {}),
  // In a preview the notes plugin does nothing; in one given the HTML it would not know it is one.
  plugins: isPreview ? [] : [RevealNotes],
});
