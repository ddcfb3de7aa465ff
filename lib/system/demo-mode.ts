import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { systemSettings } from "@/db/schema";

const DEMO_DATA_KEY = "demo_data";

/** True while the synthetic demonstration data is loaded: every page then says so. */
export async function isDemoDataLoaded(db: Executor): Promise<boolean> {
  const [row] = await db
    .select({ value: systemSettings.value })
    .from(systemSettings)
    .where(eq(systemSettings.key, DEMO_DATA_KEY));
  return row?.value === true;
}

export async function markDemoDataLoaded(db: Executor): Promise<void> {
  await db
    .insert(systemSettings)
    .values({ key: DEMO_DATA_KEY, value: true })
    .onConflictDoUpdate({ target: systemSettings.key, set: { value: true, updatedAt: new Date() } });
}
