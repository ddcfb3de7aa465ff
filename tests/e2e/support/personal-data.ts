import { eq } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { graveSites, remains } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";

/**
 * Every piece of the seeded records that identifies a person: full names (Arabic and Latin) of the
 * missing and of the donors, family contacts, phones, case numbers and family references. Single
 * name parts are left out on purpose: "علي" is also inside ordinary words such as "عليها".
 */
export async function readPersonalData(databaseUrl: string): Promise<string[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const people = await sql<{ full_name: string; given_and_father: string; name_latin: string; identifier: string; phone: string }[]>`
      select concat_ws(' ', given_name, father_name, grandfather_name, family_name) as full_name,
             concat_ws(' ', given_name, father_name) as given_and_father, name_latin, case_number as identifier, '' as phone
        from missing_persons
      union all
      select concat_ws(' ', given_name, father_name, grandfather_name, family_name),
             concat_ws(' ', given_name, father_name), name_latin, '', phone
        from reference_donors
      union all
      select contact_name, contact_name, '', reference, phone from families`;
    const values = people.flatMap((person) => [
      person.full_name,
      person.given_and_father,
      person.name_latin,
      person.identifier,
      person.phone,
    ]);
    return [...new Set(values.map((value) => value.trim()).filter((value) => value.length >= 4))];
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * A body for a site, written by another process sharing the database, as the app writes every
 * change: the record and its audit entry in one transaction.
 */
export async function insertRemains(databaseUrl: string, siteCode: string, bodyCode: string): Promise<void> {
  const handle = await openDatabase({ kind: "postgres", url: databaseUrl }, { maxConnections: 1 });
  try {
    await handle.db.transaction(async (tx) => {
      const [site] = await tx.select({ id: graveSites.id }).from(graveSites).where(eq(graveSites.code, siteCode));
      if (!site) throw new Error(`no grave site ${siteCode}`);
      const [body] = await tx
        .insert(remains)
        .values({ siteId: site.id, code: bodyCode, recoveredOn: new Date().toISOString().slice(0, 10), condition: "partial" })
        .returning();
      await appendAuditEntry(tx, { actorId: null, actorLabel: "e2e", action: "remains.create", entity: "remains", entityId: body?.id, after: body });
    });
  } finally {
    await handle.close();
  }
}
