/** A point as GeoJSON writes it: [longitude, latitude]. */
export type Position = [number, number];

function distanceToSegment(point: Position, start: Position, end: Position): number {
  const [x, y] = point;
  const [x1, y1] = start;
  const [x2, y2] = end;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / lengthSquared));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

/**
 * Douglas–Peucker: drops the points that stray less than `tolerance` degrees from the line, so a
 * country outline drawn on a phone-sized map costs a few hundred points instead of thousands.
 */
export function simplifyLine(points: readonly Position[], tolerance: number): Position[] {
  if (points.length <= 2) return [...points];
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const range = stack.pop();
    if (!range) break;
    const [first, last] = range;
    const start = points[first];
    const end = points[last];
    if (!start || !end) continue;
    let farthest = -1;
    let farthestDistance = tolerance;
    for (let index = first + 1; index < last; index += 1) {
      const point = points[index];
      if (!point) continue;
      const distance = distanceToSegment(point, start, end);
      if (distance > farthestDistance) {
        farthest = index;
        farthestDistance = distance;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = true;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, index) => keep[index]);
}

/** Rounds to about 100 m: finer than any phone screen shows a whole country, and a third of the bytes. */
export function roundPosition([longitude, latitude]: Position, decimals = 3): Position {
  const factor = 10 ** decimals;
  return [Math.round(longitude * factor) / factor, Math.round(latitude * factor) / factor];
}
