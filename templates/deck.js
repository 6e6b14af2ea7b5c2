// reveal's speaker view (S) steers the deck by postMessage, and the deck its previews, which are
// the deck itself in frames (`?receiver`). Any page that frames the deck could post the same
// messages, so a message gets to reveal and its notes plugin only from the speaker window this
// deck opened, or, in a preview, from the speaker window showing it. This listener is the first
// (capture, registered before reveal's) and stops the others from hearing the rest.
window.addEventListener(
  "message",
  (event) => {
    if (!fromSpeakerView(event.source)) event.stopImmediatePropagation();
  },
  true,
);

function fromSpeakerView(source) {
  if (!source) return false;
  if (!/receiver/i.test(window.location.search)) {
    // `opener` outlives a reload of the deck, so a speaker view left open reconnects.
    return source.opener === window && sameOrigin(source);
  }
  const view = window.parent;
  // Chromium puts each file:// page in an origin of its own, so there a preview cannot look
  // into the speaker window; but no web page can frame a file:// one.
  return (
    source === view &&
    view !== window &&
    view === window.top &&
    view.opener !== null &&
    (sameOrigin(view) || window.location.protocol === "file:")
  );
}

function sameOrigin(other) {
  try {
    return other.document !== undefined;
  } catch {
    return false;
  }
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
  // The speaker view needs both; the listener above keeps every other page out.
  postMessage: true,
  postMessageEvents: false,
  plugins: [RevealNotes],
});
