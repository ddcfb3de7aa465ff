import postgres from "postgres";

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

/** A body for a site, written behind the app's back as another process sharing the database would. */
export async function insertRemains(databaseUrl: string, siteCode: string, bodyCode: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`
      insert into remains (site_id, code, recovered_on, condition)
      select id, ${bodyCode}, current_date, 'partial' from grave_sites where code = ${siteCode}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
