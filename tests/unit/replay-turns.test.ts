import { describe, expect, it } from "vitest";
import { createReplayTurns } from "@/scripts/support/replay-turns.mjs";

/** A turn of the event loop by hand: what `defer` was given runs when the test ends the turn. */
function manualTurns(perTurn: number) {
  const deferred: Array<() => void> = [];
  const turns = createReplayTurns({ perTurn, defer: (run) => void deferred.push(run) });
  const sent: number[] = [];
  const visitors = (from: number, count: number) => {
    for (let index = from; index < from + count; index += 1) turns.replay(() => sent.push(index));
  };
  return { turns, sent, visitors, endTurn: () => deferred.splice(0).forEach((run) => run()) };
}

describe("kept public copies sharing the event loop's turns with staff requests (scripts/support/replay-turns.mjs)", () => {
  it("sends every copy at once while nothing else is in flight", () => {
    const { sent, visitors } = manualTurns(2);
    visitors(0, 10);
    expect(sent).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("sends a few copies per turn while a staff page is in flight, the rest in later turns, in arrival order, none dropped", () => {
    const { turns, sent, visitors, endTurn } = manualTurns(2);
    const finished = turns.otherStarted();
    visitors(0, 5);
    expect(sent).toEqual([0, 1]);
    endTurn();
    expect(sent).toEqual([0, 1, 2, 3]);
    visitors(5, 1);
    expect(sent).toEqual([0, 1, 2, 3]);
    endTurn();
    expect(sent).toEqual([0, 1, 2, 3, 4, 5]);
    finished();
    expect(turns.state()).toEqual({ waiting: 0, othersInFlight: 0 });
  });

  it("sends everything waiting once the other requests are answered, and counts each answer once", () => {
    const { turns, sent, visitors, endTurn } = manualTurns(1);
    const finished = turns.otherStarted();
    visitors(0, 6);
    expect(sent).toEqual([0]);
    finished();
    finished();
    expect(turns.state().othersInFlight).toBe(0);
    endTurn();
    expect(sent).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
