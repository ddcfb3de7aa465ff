import "server-only";
import { PGlite } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import type { Executor } from "./client";

/** Notified by the audit log's trigger (migration 0008) when a transaction that wrote to it commits. */
export const REGISTRY_CHANGED_CHANNEL = "registry_changed";

/**
 * Calls `onChange` for every committed change to the registry, by any process, and `onListening`
 * each time the channel is (re)connected — changes made while it was not are not announced. The
 * PostgreSQL listener reconnects by itself; the embedded database lives in this process and cannot
 * drop its channel.
 */
export async function listenForRegistryChanges(db: Executor, onChange: () => void, onListening: () => void): Promise<void> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof PGlite) {
    await client.listen(REGISTRY_CHANGED_CHANNEL, onChange);
    onListening();
    return;
  }
  if (typeof client === "function" && "listen" in client) {
    await (client as Sql).listen(REGISTRY_CHANGED_CHANNEL, onChange, onListening);
    return;
  }
  throw new Error("this database client cannot listen for notifications");
}

const counter = globalThis as typeof globalThis & { __auditAppends?: number };

/** Counts audit entries written by this process, so that a settled transaction knows whether it wrote. */
export function countAuditAppend(): void {
  counter.__auditAppends = (counter.__auditAppends ?? 0) + 1;
}

export function auditAppendCount(): number {
  return counter.__auditAppends ?? 0;
}
