import { expect } from "vitest";
import { approveAlleleFrequencies, importAlleleFrequencies } from "@/app/[locale]/staff/kinship/actions";
import type { Executor } from "@/db/client";
import { signInAs } from "./action-request";
import { createUser, uniqueSuffix } from "./factories";

/** Each locus adds up to 1, as a published table does. */
export const FREQUENCY_CSV = ["locus,allele,frequency", "TH01,6,0.25", "TH01,9.3,0.3", "TH01,7,0.45", "D3S1358,15,0.5", "D3S1358,16,0.5"].join("\n");

/** Loads a table as one forensic examiner and approves it as a second, so that it is in force. */
export async function loadApprovedFrequencyTable(db: Executor, csv = FREQUENCY_CSV, name = `Test table ${uniqueSuffix()}`) {
  signInAs(await createUser(db, "forensic"));
  const loaded = await importAlleleFrequencies({ name, minFrequency: 0.002, csv });
  if (!loaded.ok) expect.fail(`frequency table refused: ${JSON.stringify(loaded)}`);
  signInAs(await createUser(db, "forensic"));
  const approved = await approveAlleleFrequencies({ tableId: loaded.data.tableId });
  if (!approved.ok) expect.fail(`frequency table not approved: ${JSON.stringify(approved)}`);
  return loaded.data;
}
