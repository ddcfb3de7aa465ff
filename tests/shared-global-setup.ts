/**
 * One preparation for the vitest projects whose global setups name the same file (integration and
 * integration-shared, e2e and e2e-alone). Vitest runs a global setup once per project, each time on
 * a module instance of its own, so what the first one prepares is kept on globalThis under `key`
 * for the others; each setup returns `release` as its teardown, and the last one removes it.
 */
export interface SharedPreparation {
  remove(): Promise<void>;
}

interface Kept<Prepared> {
  prepared: Promise<Prepared>;
  users: number;
}

const kept = globalThis as typeof globalThis & { tarhunaSharedSetups?: Map<string, Kept<SharedPreparation>> };

export async function sharedAcrossProjects<Prepared extends SharedPreparation>(
  key: string,
  prepare: () => Promise<Prepared>,
): Promise<{ prepared: Prepared; release: () => Promise<void> }> {
  const setups = (kept.tarhunaSharedSetups ??= new Map());
  const entry = (setups.get(key) as Kept<Prepared> | undefined) ?? { prepared: prepare(), users: 0 };
  setups.set(key, entry);
  entry.users += 1;
  const prepared = await entry.prepared;
  return {
    prepared,
    release: async () => {
      entry.users -= 1;
      if (entry.users > 0) return;
      setups.delete(key);
      await prepared.remove();
    },
  };
}
