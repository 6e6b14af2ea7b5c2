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
  postMessage: false,
  postMessageEvents: false,
  plugins: [RevealNotes],
});
