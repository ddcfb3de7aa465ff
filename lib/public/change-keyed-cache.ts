import { desc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";

/**
 * The newest audit entry names the registry's state: every change to a case writes one in the same
 * transaction (define-action, imports, seeds). Public figures computed for one head stay true until
 * the head moves, so they can be reused without ever being stale — in every app process alike,
 * since each reads the head from the shared database (one indexed row, far cheaper than counting).
 */
export async function registryStateKey(db: Executor): Promise<string> {
  const [head] = await db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return String(head?.id ?? 0);
}

interface Entry<Value> {
  key: string;
  value: Promise<Value>;
}

type Entries = WeakMap<Executor, Map<string, Entry<unknown>>>;

/** Per database handle: tests open several databases in one process, whose heads may coincide. */
const cachesByDatabase: Entries = ((globalThis as { __publicCache?: Entries }).__publicCache ??= new WeakMap());

function entriesFor(db: Executor): Map<string, Entry<unknown>> {
  let entries = cachesByDatabase.get(db);
  if (!entries) cachesByDatabase.set(db, (entries = new Map()));
  return entries;
}

/**
 * Computes `compute()` once per registry state and name. A failed computation is forgotten, so the
 * next request tries again instead of serving the error.
 */
export async function cachedForRegistryState<Value>(db: Executor, name: string, compute: () => Promise<Value>): Promise<Value> {
  // The key is read before the figures: whatever is cached under it is at least as new as it.
  const key = await registryStateKey(db);
  const entries = entriesFor(db);
  const cached = entries.get(name) as Entry<Value> | undefined;
  if (cached?.key === key) return cached.value;
  const value = compute();
  entries.set(name, { key, value });
  value.catch(() => {
    if (entries.get(name)?.value === value) entries.delete(name);
  });
  return value;
}
