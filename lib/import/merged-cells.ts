import type { MergedRange } from "./xlsx-layout";

/**
 * Excel keeps a merged range's value in its top-left cell only; a register merges the station or
 * the date over the rows of one event. Each cell of a range is given that value, as the user sees
 * it. Rows come in order, so a range's value is known before the rows below it.
 */
export function mergedCellFiller(merges: readonly MergedRange[]): (rowNumber: number, cells: string[]) => string[] {
  if (merges.length === 0) return (_, cells) => cells;
  const pending = [...merges].sort((first, second) => first.top - second.top);
  let active: { range: MergedRange; value: string }[] = [];
  let next = 0;
  return (rowNumber, cells) => {
    active = active.filter(({ range }) => range.bottom >= rowNumber);
    while (next < pending.length && (pending[next]?.top ?? Infinity) <= rowNumber) {
      const range = pending[next] as MergedRange;
      next += 1;
      if (range.bottom >= rowNumber) active.push({ range, value: range.top === rowNumber ? (cells[range.left - 1] ?? "") : "" });
    }
    if (active.length === 0) return cells;
    const filled = [...cells];
    for (const { range, value } of active) {
      for (let column = range.left; column <= Math.min(range.right, cells.length); column += 1) {
        if ((filled[column - 1] ?? "") === "") filled[column - 1] = value;
      }
    }
    return filled;
  };
}
