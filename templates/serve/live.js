// Live reload for `briefing serve`: only served pages load this, never a built deck.
// The server tells this page when a new good version exists (reload, keeping reveal's
// #/slide hash) or when the last save is broken (show its problems over the last good deck).
(() => {
  const me = document.currentScript;
  const deck = me.dataset.deck;
  const version = me.dataset.version;
  const reveal = () => window.Reveal;
  const overlayId = "briefing-problems";

  function showProblems(lines) {
    let box = document.getElementById(overlayId);
    if (!box) {
      box = document.createElement("div");
      box.id = overlayId;
      box.setAttribute("role", "alert");
      box.style.cssText =
        "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:50vh;overflow:auto;" +
        "box-sizing:border-box;margin:0;padding:16px 24px;background:rgba(40,0,0,.92);color:#fff;" +
        "font:16px/1.4 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;text-align:left";
      document.body.appendChild(box);
    }
    // Text only: a problem quotes the brief, which must never become markup.
    box.textContent = `This deck is the last good version. The saved brief has problems:\n${lines.join("\n")}`;
    placeProblems();
  }

  // The panel sits on the bottom classification banner, never over it: the banner says who may
  // see what is on the screen, and a deck with problems is still on the screen.
  function placeProblems() {
    const box = document.getElementById(overlayId);
    if (!box) return;
    const slide =
      reveal()?.getCurrentSlide?.() ?? document.querySelector(".reveal .slides section");
    const banner = slide?.querySelector(".banner--bottom")?.getBoundingClientRect();
    const above = banner && banner.height > 0 ? Math.max(0, window.innerHeight - banner.top) : 0;
    box.style.bottom = `${above}px`;
    box.style.maxHeight = `${Math.max(0, Math.min(window.innerHeight / 2, window.innerHeight - above))}px`;
  }
  window.addEventListener("resize", () => requestAnimationFrame(placeProblems));
  const whenReady = () => {
    for (const event of ["ready", "resize", "slidechanged", "slidetransitionend"]) {
      reveal()?.on(event, placeProblems);
    }
  };
  if (document.readyState === "complete") whenReady();
  else window.addEventListener("load", whenReady);

  function clearProblems() {
    document.getElementById(overlayId)?.remove();
  }

  const events = new EventSource(
    `/__briefing/events?deck=${encodeURIComponent(deck)}&version=${encodeURIComponent(version)}`,
  );
  function reload() {
    events.close();
    location.reload();
  }

  // Only the brief changed: swap the slides in place, which is much quicker than loading
  // reveal.js, the theme and the fonts again, and stay on the same slide.
  async function update() {
    try {
      const response = await fetch(location.pathname, { cache: "no-store" });
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
      const next = fresh.querySelector(".reveal .slides");
      const slides = document.querySelector(".reveal .slides");
      if (!response.ok || !next || !slides || !reveal()?.isReady()) return reload();
      const { h, v } = reveal().getIndices();
      slides.replaceChildren(
        ...[...next.childNodes].map((node) => document.importNode(node, true)),
      );
      document.title = fresh.title;
      document.documentElement.lang = fresh.documentElement.lang;
      document.documentElement.toggleAttribute(
        "data-caseless",
        fresh.documentElement.hasAttribute("data-caseless"),
      );
      reveal().sync();
      reveal().slide(h, v);
      clearProblems();
      document.dispatchEvent(new CustomEvent("briefing:updated"));
    } catch {
      reload();
    }
  }

  events.addEventListener("reload", reload);
  events.addEventListener("update", update);
  events.addEventListener("problems", (event) => {
    const lines = JSON.parse(event.data);
    if (document.querySelector(".reveal .slides")) showProblems(lines);
    // A brief not valid yet has no deck to lay a panel over: its page lists the problems
    // itself, and is loaded again when they change.
    else if (document.querySelector(".problems")?.textContent.trim() !== lines.join("\n")) reload();
  });
  events.addEventListener("ok", clearProblems);
})();
