import "server-only";
import { asc, desc, eq, gt, inArray, notInArray, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import { runTransaction } from "@/lib/audit/run-transaction";
import { isDemoDataLoaded } from "@/lib/system/demo-mode";
import { clearDemoData } from "./clear";
import { countCaseRecords, type CaseRecordCounts } from "./holdings";
import { DEMO_ACCOUNTS } from "./users";

const DEMO_USERNAMES = DEMO_ACCOUNTS.map((account) => account.username);

/**
 * What may happen after the demo was loaded without making the database more than a demo: accounts
 * made for the real registry (user:create), sign-ins and reads. Any other change (a case saved, a
 * setting changed) could be real work, and removing the demo would remove it too.
 */
const HARMLESS_AFTER_DEMO = ["user.", "auth.", "authz."];
const isHarmless = (action: string) => action.endsWith(".read") || HARMLESS_AFTER_DEMO.some((prefix) => action.startsWith(prefix));

export type DemoRemoval =
  | { status: "removed"; removed: CaseRecordCounts; removedAccounts: string[]; keptAccounts: string[] }
  | { status: "refused"; reason: string };

/** Accounts that are not the demo's: with the demo loaded, those outside its five usernames; without it, every account. */
export async function nonDemoUsernames(db: Executor): Promise<string[]> {
  const demo = await isDemoDataLoaded(db);
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(demo ? notInArray(sql`lower(${users.username})`, DEMO_USERNAMES) : undefined)
    .orderBy(asc(users.username));
  return rows.map((row) => row.username);
}

/** The first change recorded after the demo seed that may be real work, or null. */
async function firstRealChange(db: Executor): Promise<{ action: string; occurredAt: Date; count: number } | null> {
  const [seed] = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "demo.seed")).orderBy(desc(auditLog.id)).limit(1);
  const later = await db
    .select({ action: auditLog.action, occurredAt: auditLog.occurredAt })
    .from(auditLog)
    .where(gt(auditLog.id, seed?.id ?? 0))
    .orderBy(asc(auditLog.id));
  const real = later.filter((entry) => !isHarmless(entry.action) && entry.action !== "demo.create" && entry.action !== "demo.seed");
  const [first] = real;
  return first ? { ...first, count: real.length } : null;
}

/**
 * Removes the demonstration data in one transaction: every record, the demo's five accounts and
 * the demo's audit history, keeping the accounts made for real use. The new audit chain starts
 * with a `demo.remove` entry that records what was removed, which accounts were kept and the head
 * of the chain it replaces. Refuses, changing nothing, when no demo is loaded or when something
 * other than accounts and sign-ins was recorded after it (that could be real work).
 */
export async function removeDemoData(db: Database): Promise<DemoRemoval> {
  return runTransaction(db, async (tx): Promise<DemoRemoval> => {
    if (!(await isDemoDataLoaded(tx))) return { status: "refused", reason: "This database holds no demonstration data: nothing was changed." };
    const change = await firstRealChange(tx);
    if (change) {
      return {
        status: "refused",
        reason:
          `${change.count} change(s) were recorded after the demo was loaded (the first: ${change.action} at ${change.occurredAt.toISOString()}); ` +
          "they may be real work, which removing the demo would remove too. Nothing was changed. Start the registry on a new, empty database instead.",
      };
    }
    const kept = await tx.select().from(users).where(notInArray(sql`lower(${users.username})`, DEMO_USERNAMES));
    const removedAccounts = (await tx.select({ username: users.username }).from(users).where(inArray(sql`lower(${users.username})`, DEMO_USERNAMES))).map(
      (row) => row.username,
    );
    const removed = await countCaseRecords(tx);
    const [head] = await tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    await clearDemoData(tx);
    if (kept.length > 0) await tx.insert(users).values(kept);
    await appendAuditEntry(tx, {
      actorId: null,
      actorLabel: "command line",
      action: "demo.remove",
      entity: "system",
      after: {
        removed,
        removedAccounts,
        keptAccounts: kept.map((user) => user.username),
        replacedChainHead: head ? { entries: head.id, hash: head.hash } : null,
      },
    });
    return { status: "removed", removed, removedAccounts, keptAccounts: kept.map((user) => user.username) };
  });
}

