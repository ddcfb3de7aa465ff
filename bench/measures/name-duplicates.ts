import type { Database } from "@/db/client";
import type { Random } from "@/lib/demo/random";
import { findDuplicateCandidates } from "@/lib/people/duplicates";
import { clerkSpelling } from "../spelling";
import { uniqueFourPartPeople, type RegistryPerson } from "./name-ranking";
import { sql } from "drizzle-orm";
import { selectRows } from "@/db/client";

/**
 * The duplicate check a registrar sees before saving (findDuplicateCandidates), for the same
 * person registered again: each part as another clerk might spell it (bench/spelling.ts), one of
 * father, grandfather and family name left out, the birth year as before. Proposed: the person
 * is among the candidates; false candidates: every other person offered.
 */
export async function measureDuplicateDetection(db: Database, registry: RegistryPerson[], random: Random, count: number) {
  const targets = uniqueFourPartPeople(registry, random, count);
  const birthYears = new Map(
    (await selectRows<{ id: string; birth_year: number | null }>(db, sql`select id, birth_year from missing_persons where merged_into_id is null and voided_at is null`)).map((row) => [row.id, row.birth_year]),
  );
  let proposed = 0;
  let falseCandidates = 0;
  for (const target of targets) {
    const parts = [target.given_name, target.father_name, target.grandfather_name, target.family_name].map((part) => clerkSpelling(random, part));
    parts[random.int(1, 3)] = "";
    const [givenName = "", fatherName = "", grandfatherName = "", familyName = ""] = parts;
    const candidates = await findDuplicateCandidates(db, { givenName, fatherName, grandfatherName, familyName, nameLatin: "", birthYear: birthYears.get(target.id) ?? null });
    if (candidates.some((candidate) => candidate.id === target.id)) proposed += 1;
    falseCandidates += candidates.filter((candidate) => candidate.id !== target.id).length;
  }
  return { checks: targets.length, proposed: proposed / Math.max(1, targets.length), falsePerCheck: falseCandidates / Math.max(1, targets.length) };
}
