import type { Browser } from "puppeteer";

// A tab behind another draws nothing, and a picture of it waits for a drawing that never comes.
// A page brought to the front for its pictures stays there only while no other page is brought
// there or opened (a new tab comes to the front): the two take turns, a browser's one at a time.
const turns = new WeakMap<Browser, Promise<unknown>>();

/**
 * Runs `work` once every earlier turn of the browser is done, whether it succeeded or not: for
 * what brings a tab to the front (opening a page, drawing a page's pictures).
 */
export function inTurn<T>(browser: Browser, work: () => Promise<T>): Promise<T> {
  const turn = (turns.get(browser) ?? Promise.resolve()).then(work);
  turns.set(
    browser,
    turn.catch(() => {}),
  );
  return turn;
}
