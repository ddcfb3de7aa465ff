// Turns for the press-day path (scripts/serve.mjs): while other requests are being answered (staff
// pages and searches, the family portal, anything that goes to Next), at most a few kept public
// copies are sent per turn of the event loop, and the rest wait for the next turn.
//
// Why: a kept copy costs ~0.1 ms, but 100 visitors who ask again as soon as they are answered bring
// ~100 of them to every turn of the one event loop, and a staff page waits a whole turn for each of
// its database round trips (a dozen per page). Measured with `npm run bench:under-load` on a quiet
// 2-core machine (bench/RESULTS.md, 2026-12-07 17:50–18:05), 100 visitors taking 6–9k copies a second:
// - 20 staff reading each page 1–3 s waited p95 0.71–1.0 s (median 0.39–0.61 s) before; with 4
//   copies a turn p95 0.35–0.40 s (median 0.10–0.12 s), the visitors as many copies as before and
//   their p99 below 0.1 s. 16 copies a turn: p95 0.47–0.57 s; 1 a turn: the visitors lost a quarter.
// - 8 staff typing searches without any pause: p95 156 → 92–112 ms, but the visitors then get
//   1.2–1.5k copies a second (p99 0.26–0.33 s) instead of 6.5k. That is the choice made here: the
//   staff's work comes first; a visitor waits a little longer for a copy of the same page.
// - Sharing each turn by time instead (copies as long as the other requests took) changed nothing
//   for the staff: under a full load the copies' share was the whole turn again.
// No copy is dropped, and with nothing else in flight copies are sent at once.
// Plain JavaScript for serve.mjs, which node runs without a build step.

/** Copies sent per turn while another request is in flight. */
export const REPLAYS_PER_TURN = 4;

/**
 * @param {{ perTurn?: number, defer?: (run: () => void) => void }} [options] `defer` runs its
 *   argument after the current turn's I/O (setImmediate; a test passes its own).
 */
export function createReplayTurns({ perTurn = REPLAYS_PER_TURN, defer = setImmediate } = {}) {
  let othersInFlight = 0;
  let sentThisTurn = 0;
  let turnEndScheduled = false;
  /** @type {Array<() => void>} */
  const waiting = [];

  function scheduleTurnEnd() {
    if (turnEndScheduled) return;
    turnEndScheduled = true;
    defer(endTurn);
  }

  function endTurn() {
    turnEndScheduled = false;
    sentThisTurn = 0;
    while (waiting.length > 0 && (othersInFlight === 0 || sentThisTurn < perTurn)) {
      sentThisTurn += 1;
      (waiting.shift() ?? (() => {}))();
    }
    // The count must start again at the next turn's end even when nothing waits.
    if (waiting.length > 0 || sentThisTurn > 0) scheduleTurnEnd();
  }

  return {
    /**
     * Runs `send` (a request that may be answered with a kept copy) now, or in a later turn when
     * this turn's share is spent while others are in flight; always in arrival order.
     */
    replay(send) {
      if (waiting.length > 0 || (othersInFlight > 0 && sentThisTurn >= perTurn)) {
        waiting.push(send);
        scheduleTurnEnd();
        return;
      }
      sentThisTurn += 1;
      scheduleTurnEnd();
      send();
    },
    /** Counts a request that is not a kept copy until the function it returns is called (once). */
    otherStarted() {
      othersInFlight += 1;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        othersInFlight -= 1;
      };
    },
    /** For tests: copies waiting for a turn, and requests in flight. */
    state: () => ({ waiting: waiting.length, othersInFlight }),
  };
}
