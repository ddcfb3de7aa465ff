import type { DviPair } from "./types";

/** The LR a pair counts with in its row and column: 0 when the pair is excluded. */
const effectiveLr = (pair: DviPair): number => (pair.excluded ? 0 : pair.lr);

/**
 * dvir's findUndisputed (relaxed form, both directions): a pair is undisputed when its LR ≥ T and
 * ≥ T × every other LR in its row (the body against the other missing persons) and in its column
 * (the missing person against the other bodies). At most one pair per row and column can qualify
 * when T > 1.
 */
export function findUndisputed(pairs: readonly DviPair[], threshold: number): DviPair[] {
  const rowBest = new Map<string, [number, number]>();
  const columnBest = new Map<string, [number, number]>();
  const note = (map: Map<string, [number, number]>, id: string, lr: number) => {
    const [first, second] = map.get(id) ?? [0, 0];
    map.set(id, lr >= first ? [lr, first] : [first, Math.max(second, lr)]);
  };
  for (const pair of pairs) {
    note(rowBest, pair.body, effectiveLr(pair));
    note(columnBest, pair.key, effectiveLr(pair));
  }
  return pairs.filter((pair) => {
    const lr = effectiveLr(pair);
    if (!(lr >= threshold)) return false;
    const [rowFirst, rowSecond] = rowBest.get(pair.body) ?? [0, 0];
    const [columnFirst, columnSecond] = columnBest.get(pair.key) ?? [0, 0];
    // The pair is the largest of its row and column, and the runner-up is at most lr / T.
    return lr >= rowFirst && lr >= columnFirst && lr >= threshold * rowSecond && lr >= threshold * columnSecond;
  });
}

/** The largest LR in the pair's row and in its column other than the pair itself (0 when none). */
export function runnersUp(pair: DviPair, pairs: readonly DviPair[]): { row: DviPair | null; column: DviPair | null } {
  let row: DviPair | null = null;
  let column: DviPair | null = null;
  for (const other of pairs) {
    if (other === pair || other.excluded) continue;
    if (other.body === pair.body && other.key !== pair.key && (!row || other.lr > row.lr)) row = other;
    if (other.key === pair.key && other.body !== pair.body && (!column || other.lr > column.lr)) column = other;
  }
  return { row, column };
}
