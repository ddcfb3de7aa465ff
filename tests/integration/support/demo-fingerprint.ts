import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";

/**
 * A hash over what the demo is made of (case numbers, names, codes, report numbers, sample
 * barcodes and statuses, identifications), so two seeds can be compared in one assertion.
 */
const FINGERPRINT_QUERIES = [
  sql`select case_number, name_search, name_latin, status from missing_persons order by case_number`,
  sql`select code, estimated_sex, age_min, age_max, recovered_on::text from remains order by code`,
  sql`select station, report_number, filed_on::text from police_reports order by station, report_number`,
  sql`select barcode, lab_status, collected_on::text from dna_samples order by barcode`,
  sql`select r.code, i.status, i.basis::text from identifications i join remains r on r.id = i.remains_id order by r.code`,
  sql`select id::text from families order by reference`,
  sql`select count(*)::int as n from custody_events`,
];

export async function demoFingerprint(db: Executor): Promise<string> {
  const digest = createHash("sha256");
  for (const query of FINGERPRINT_QUERIES) digest.update(JSON.stringify(await selectRows(db, query)));
  return digest.digest("hex");
}
