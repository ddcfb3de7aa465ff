"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { getDb } from "@/lib/server/database";
import { recordRefreshStart, runRefreshInBackground } from "@/lib/sampling-worklist/start-refresh";

/** The form says what it refreshes: the families whose advice is stale (the only scope there is). */
const startRefreshSchema = z.object({ scope: z.literal("stale") });

const recordStart = defineAction("kinship.startSamplingRefresh", startRefreshSchema, async ({ session, tx, audit }) => {
  const runId = await recordRefreshStart(tx, session.username);
  await audit({ action: "kinship.startSamplingRefresh", entity: "sampling_refresh_run", entityId: runId });
  return { runId };
});

/**
 * Starts the sampling refresh from the work list page (forensic staff): recorded and audited in the
 * action's transaction (refused while another runs), then run in the background once committed.
 */
async function startSamplingRefreshAction(input: unknown): Promise<ActionResult<{ runId: string }>> {
  const result = await recordStart(input);
  if (result.ok) runRefreshInBackground(await getDb(), result.data.runId);
  return result;
}

export const startSamplingRefresh = Object.assign(startSamplingRefreshAction, { actionName: recordStart.actionName, inputSchema: recordStart.inputSchema });
