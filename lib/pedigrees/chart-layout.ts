/** Where each person of a pedigree chart goes: one row per generation, partners side by side, children under their parents. */
export interface ChartNode {
  id: string;
  fatherId: string | null;
  motherId: string | null;
}

export interface ChartPlacement {
  /** Column and row, in cells. */
  positions: Map<string, { column: number; row: number }>;
  columns: number;
  rows: number;
  /** Each pair of parents with children (a marriage line), and each child's parents. */
  couples: { fatherId: string; motherId: string }[];
}

/**
 * A simple layered layout: a person's row is one below their lower parent; a founder who married in
 * moves down to their partner's row. Within a row persons are ordered by the mean column of their
 * parents (founders by their partner's), swept twice, so families stay under their parents.
 */
export function layoutPedigree(nodes: readonly ChartNode[]): ChartPlacement {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parentsOf = (node: ChartNode) => [node.fatherId, node.motherId].filter((id): id is string => id !== null && byId.has(id));
  const row = new Map<string, number>();
  const rowOf = (id: string, seen: Set<string> = new Set()): number => {
    const known = row.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    // A cycle (a pedigree being fixed) must not hang the page: its person is drawn at the top.
    if (!node || seen.has(id)) return 0;
    seen.add(id);
    const value = Math.max(-1, ...parentsOf(node).map((parent) => rowOf(parent, seen))) + 1;
    row.set(id, value);
    return value;
  };
  for (const node of nodes) rowOf(node.id);
  const children = (id: string) => nodes.filter((node) => node.fatherId === id || node.motherId === id);
  // Founders with children sit just above their highest child (beside their partner).
  for (let pass = 0; pass < 3; pass += 1) {
    for (const node of nodes) {
      if (parentsOf(node).length > 0) continue;
      const below = children(node.id).map((child) => row.get(child.id) ?? 0);
      if (below.length > 0) row.set(node.id, Math.max(0, Math.min(...below) - 1));
    }
  }
  const rows = Math.max(0, ...row.values()) + 1;
  const couples = new Map<string, { fatherId: string; motherId: string }>();
  for (const node of nodes) {
    if (node.fatherId && node.motherId && byId.has(node.fatherId) && byId.has(node.motherId)) {
      couples.set(`${node.fatherId}|${node.motherId}`, { fatherId: node.fatherId, motherId: node.motherId });
    }
  }
  const partnersOf = (id: string) => [...couples.values()].flatMap((couple) => (couple.fatherId === id ? [couple.motherId] : couple.motherId === id ? [couple.fatherId] : []));
  const layers: string[][] = Array.from({ length: rows }, () => []);
  for (const node of nodes) layers[row.get(node.id) ?? 0]?.push(node.id);
  const column = new Map<string, number>();
  layers.forEach((layer) => layer.forEach((id, index) => column.set(id, index)));
  const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);
  for (let sweep = 0; sweep < 2; sweep += 1) {
    for (const layer of layers) {
      const key = (id: string) => {
        const node = byId.get(id) as ChartNode;
        const fromParents = mean(parentsOf(node).map((parent) => column.get(parent) ?? 0));
        if (fromParents !== null) return fromParents;
        // A founder: beside a partner who has parents, or over their children.
        const partner = partnersOf(id).find((other) => row.get(other) === row.get(id));
        const partnerNode = partner ? byId.get(partner) : undefined;
        const partnerKey = partnerNode ? mean(parentsOf(partnerNode).map((parent) => column.get(parent) ?? 0)) : null;
        if (partnerKey !== null) return partnerKey + 0.01;
        return mean(children(id).map((child) => column.get(child.id) ?? 0)) ?? column.get(id) ?? 0;
      };
      const keys = new Map(layer.map((id) => [id, key(id)]));
      layer.sort((a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0) || a.localeCompare(b));
      // Partners side by side: each person's partners on this row follow them.
      const ordered: string[] = [];
      for (const id of layer) {
        if (ordered.includes(id)) continue;
        ordered.push(id);
        for (const partner of partnersOf(id)) if (layer.includes(partner) && !ordered.includes(partner)) ordered.push(partner);
      }
      layer.splice(0, layer.length, ...ordered);
      layer.forEach((id, index) => column.set(id, index));
    }
  }
  const positions = new Map(nodes.map((node) => [node.id, { column: column.get(node.id) ?? 0, row: row.get(node.id) ?? 0 }]));
  return { positions, columns: Math.max(1, ...layers.map((layer) => layer.length)), rows, couples: [...couples.values()] };
}
