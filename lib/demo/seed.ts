import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { appendAuditEntries, appendAuditEntry } from "@/lib/audit/append";
import { demoCreationEntries } from "./audit-entries";
import { isDemoDataLoaded, markDemoDataLoaded } from "@/lib/system/demo-mode";
import { writeOfficeContact } from "@/lib/settings/office-contact";
import { clearDemoData } from "./clear";
import { DEMO_OFFICE_CONTACT } from "./office-contact";
import { hashDemoAccessCodes, issueDemoAccessCodes } from "./family-access";
import { countDataset, generateDemoDataset } from "./generate";
import { countCaseRecords, describeCaseRecords, existingDemoUsernames, holdsCaseRecords } from "./holdings";
import { insertDemoDataset } from "./insert";
import { hashDemoPassword } from "./password";
import type { DemoCounts } from "./types";
import { runTransaction } from "@/lib/audit/run-transaction";
import { mediaStore, type MediaStore } from "@/lib/belongings/media-store";
import { seedBelongingsDemo } from "./belongings";

export type SeedResult =
  | { status: "seeded"; counts: DemoCounts; replacedDemoData: boolean }
  | { status: "refused"; reason: string };

export interface SeedOptions {
  /** Replace demonstration data already loaded; never real records. */
  reset: boolean;
  /** Where the demo's effect drawings go: the configured store (DATA_DIR/media or S3) unless a test names another. */
  media?: MediaStore;
}

/** Any fixed number: it names the lock that keeps two seeds from filling the database at once. */
const SEED_LOCK_KEY = 7_310_117;

type Decision = { proceed: true; clear: boolean } | { proceed: false; reason: string };

async function decide(tx: Transaction, options: SeedOptions): Promise<Decision> {
  const records = await countCaseRecords(tx);
  const demoLoaded = await isDemoDataLoaded(tx);
  if (holdsCaseRecords(records)) {
    const holds = `The database already holds ${describeCaseRecords(records)}`;
    if (!options.reset) {
      const replaced = demoLoaded ? "the demonstration data" : "it";
      return { proceed: false, reason: `${holds}. Nothing was changed. Run the seed with --reset to replace ${replaced}.` };
    }
    if (!demoLoaded) {
      return {
        proceed: false,
        reason: `${holds}, and they are not demonstration data. Nothing was changed: --reset only ever replaces demonstration data, never real records.`,
      };
    }
    return { proceed: true, clear: true };
  }
  if (demoLoaded) return { proceed: true, clear: true };
  const taken = await existingDemoUsernames(tx);
  if (taken.length > 0) {
    return {
      proceed: false,
      reason: `The database already has user accounts named ${taken.join(", ")}, which the demo would create. Nothing was changed.`,
    };
  }
  return { proceed: true, clear: false };
}

/**
 * Fills the database with the invented demonstration in one transaction: either all of it is
 * there afterwards or none of it. Refuses, changing nothing, when it would mix with or destroy
 * records that are not demonstration data.
 */
export async function seedDemoData(db: Database, options: SeedOptions): Promise<SeedResult> {
  const dataset = generateDemoDataset(await hashDemoPassword());
  const accessCodeHashes = await hashDemoAccessCodes();
  const counts = countDataset(dataset);
  return runTransaction(db, async (tx): Promise<SeedResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const decision = await decide(tx, options);
    if (!decision.proceed) return { status: "refused", reason: decision.reason };
    if (decision.clear) await clearDemoData(tx);
    await insertDemoDataset(tx, dataset);
    await seedBelongingsDemo(tx, dataset, options.media ?? mediaStore());
    await issueDemoAccessCodes(tx, accessCodeHashes);
    await markDemoDataLoaded(tx);
    await writeOfficeContact(tx, DEMO_OFFICE_CONTACT);
    await appendAuditEntries(tx, demoCreationEntries(dataset));
    await appendAuditEntry(tx, {
      actorId: null,
      actorLabel: "demo seed",
      action: "demo.seed",
      entity: "system",
      after: counts,
    });
    return { status: "seeded", counts, replacedDemoData: decision.clear };
  });
}
