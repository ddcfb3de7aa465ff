import "./support/mock-action-request";
import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { createMissingPerson } from "@/app/[locale]/staff/persons/actions";
import { selectRows } from "@/db/client";
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from "@/lib/demo/names";
import { namePartKey } from "@/lib/names/name-key";
import { namePartForm } from "@/lib/names/name-match";
import { CANDIDATE_CAP, keyPair } from "@/lib/people/name-candidates";
import { findDuplicateCandidates } from "@/lib/people/duplicates";
import { searchMissingPersons } from "@/lib/people/search";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser as createUserRow } from "./support/factories";
import { missingPersonInput, uniqueFamilyName, unwrap } from "./support/people";

const backends = await testBackends();

/** Stored spellings whose database key (name_part_key) must be the key the query side computes. */
const SPELLINGS = [
  ...[...MALE_GIVEN_NAMES, ...FEMALE_GIVEN_NAMES, ...FAMILY_NAMES].flatMap((name) => [name.ar, name.latin]),
  "مُحَمَّد", "عبد  الله", "مفتـــاح", "النخلاوى", "سليييمان", "Abd Allah", "Mohammed", "O'Neil", "ﻻ", "محمد ١٢٣", "\u200fعلي\u200f", "",
];

describeOnEachBackend(backends, "name search part by part", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    signInAs(await createUserRow(db(), "registrar"));
  });

  it("keys every spelling in the database as the search does", async () => {
    const rows = await selectRows<{ spelling: string; key: string }>(
      db(),
      sql`select spelling, name_part_key(spelling) as key from unnest(${sql.raw(`array[${SPELLINGS.map((spelling) => `'${spelling.replace(/'/g, "''")}'`).join(", ")}]::text[]`)}) as spelling`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.spelling, row.key]))).toEqual(Object.fromEntries(SPELLINGS.map((spelling) => [spelling, namePartKey(spelling)])));
  });

  it("compares every stored part letter by letter as the search does", async () => {
    const rows = await selectRows<{ spelling: string; form: string }>(
      db(),
      sql`select spelling, name_part_form(spelling) as form from unnest(${sql.raw(`array[${[...SPELLINGS, "بن علي", "ابن  سالم", "إبن", "الب", "النخلاوي بنت"].map((spelling) => `'${spelling.replace(/'/g, "''")}'`).join(", ")}]::text[]`)}) as spelling`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.spelling, row.form]))).toEqual(
      Object.fromEntries([...SPELLINGS, "بن علي", "ابن  سالم", "إبن", "الب", "النخلاوي بنت"].map((spelling) => [spelling, namePartForm(spelling)])),
    );
  });

  it("pairs the keys of every stored name as the search looks them up", async () => {
    const names = SPELLINGS.map((_, index) => [0, 1, 2, 3].map((offset) => SPELLINGS[(3 * index + offset) % SPELLINGS.length] ?? ""));
    // One name spelt three ways and an empty part: one key, so no pair at all.
    names.push(["محمد", "محمّد", "Mohamed", ""], ["علي", "", "سالم", "علي"]);
    const column = (part: number) => sql.raw(`array[${names.map((name) => `'${(name[part] ?? "").replace(/'/g, "''")}'`).join(", ")}]::text[]`);
    const rows = await selectRows<{ position: number; pairs: string[] }>(
      db(),
      sql`select position, name_part_key_pairs(given, father, grandfather, family) as pairs
            from unnest(${column(0)}, ${column(1)}, ${column(2)}, ${column(3)}) with ordinality as name(given, father, grandfather, family, position)`,
    );
    const expected = names.map((name) => {
      const keys = name.map(namePartKey);
      return [...new Set(keys.flatMap((first, index) => keys.slice(index + 1).filter((second) => first !== "" && second !== "" && second !== first).map((second) => keyPair(first, second))))].sort();
    });
    expect(rows.sort((left, right) => Number(left.position) - Number(right.position)).map((row) => [...new Set(row.pairs)].sort())).toEqual(expected);
    expect(expected.at(-2)).toEqual([]);
    expect(expected.at(-1)).toHaveLength(1);
  });

  it("finds the person named exactly among more people sharing the father's and family name than it scores", async () => {
    // يحيى has no phonetic key, so only the father's and family name find candidates: every one
    // of these namesakes is found as well, and the ids sort them all before the person sought.
    const familyName = uniqueFamilyName();
    await db().execute(sql`insert into missing_persons (id, case_number, given_name, father_name, family_name, name_search)
      select ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'TRH-NS-' || n, given, 'سالم', ${familyName}, given || ' سالم ' || ${familyName}
        from generate_series(1, ${CANDIDATE_CAP + 1}) as n, lateral (select (array['علي', 'ليلى', 'عادل', 'عيسى'])[1 + n % 4] as given) as names`);
    const sought = unwrap(await createMissingPerson(missingPersonInput({ givenName: "يحيى", fatherName: "سالم", grandfatherName: "", familyName })));
    const [first] = await searchMissingPersons(db(), `يحيى سالم ${familyName}`);
    expect(first).toMatchObject({ id: sought.missingPersonId, nameParts: [{ role: "given", quality: "exact" }, { role: "father", quality: "exact" }, { role: "family", quality: "exact" }] });
  });

  it("finds a misspelt name whose only keyed word is shared by more people than a page's candidates", async () => {
    // "يححيى" folds to no key at all: only the family name finds anyone, and the case numbers
    // list all these namesakes before the person sought.
    const familyName = uniqueFamilyName();
    await db().execute(sql`insert into missing_persons (case_number, given_name, father_name, family_name, name_search)
      select 'TRH-AA-' || n || '-' || ${familyName}, given, 'سالم', ${familyName}, given || ' سالم ' || ${familyName}
        from generate_series(1, ${CANDIDATE_CAP + 50}) as n, lateral (select (array['علي', 'ليلى', 'عادل', 'عيسى'])[1 + n % 4] as given) as names`);
    const sought = unwrap(await createMissingPerson(missingPersonInput({ givenName: "يحيى", fatherName: "مفتاح", grandfatherName: "", familyName })));
    const [first] = await searchMissingPersons(db(), `يححيى ${familyName}`);
    expect(first?.id).toBe(sought.missingPersonId);
  });

  it("ranks the person named by given, father and family first, above brothers who share the father and family", async () => {
    const familyName = uniqueFamilyName();
    const register = (givenName: string, fatherName: string, grandfatherName: string) =>
      createMissingPerson(missingPersonInput({ givenName, fatherName, grandfatherName, familyName }));
    const brothers = [];
    for (const givenName of ["صالح", "بشير", "موسى"]) brothers.push(unwrap(await register(givenName, "سالم", "علي")));
    unwrap(await register("بشير", "مفتاح", "سالم"));
    const sought = unwrap(await register("مفتاح", "سالم", "علي"));
    for (const query of [`مفتاح سالم ${familyName}`, `مفتاح سللم ${familyName}`, `الحاج مفتح بن سالم ${familyName}`, `${familyName} مفتاح سالم`]) {
      const [first, ...others] = await searchMissingPersons(db(), query);
      expect(first?.id, query).toBe(sought.missingPersonId);
      expect(others.map((other) => other.id), query).toEqual(expect.arrayContaining(brothers.map((brother) => brother.missingPersonId)));
    }
    const [misspelt] = await searchMissingPersons(db(), `مفتاح سللم ${familyName}`);
    expect(misspelt?.nameParts).toEqual([
      { role: "given", quality: "exact" }, { role: "father", quality: "close" }, { role: "family", quality: "exact" },
    ]);
  });

  it("finds an Arabic name from its Latin spelling", async () => {
    const familyName = uniqueFamilyName();
    const sought = unwrap(await createMissingPerson(missingPersonInput({ givenName: "محمد", fatherName: "يوسف", grandfatherName: "", familyName })));
    unwrap(await createMissingPerson(missingPersonInput({ givenName: "أحمد", fatherName: "يوسف", grandfatherName: "", familyName })));
    const [first] = await searchMissingPersons(db(), `Muhammad Youssef ${familyName}`);
    expect(first).toMatchObject({ id: sought.missingPersonId, nameParts: [{ role: "given", quality: "exact" }, { role: "father", quality: "exact" }, { role: "family", quality: "exact" }] });
  });

  it("proposes the same person re-registered with three of four parts in a clerk's spelling, not his brother", async () => {
    const familyName = uniqueFamilyName();
    const sought = unwrap(await createMissingPerson(missingPersonInput({ givenName: "عبد الله", fatherName: "مصطفى", grandfatherName: "إبراهيم", familyName, birthYear: "1985" })));
    unwrap(await createMissingPerson(missingPersonInput({ givenName: "عبد الرحمن", fatherName: "مصطفى", grandfatherName: "إبراهيم", familyName, birthYear: "1985" })));
    const variant = { givenName: "عبدالله", fatherName: "مصطفي", grandfatherName: "", familyName: familyName.replace(/^ال/, ""), nameLatin: "" };
    expect((await findDuplicateCandidates(db(), { ...variant, birthYear: 1985 })).map((candidate) => candidate.id)).toEqual([sought.missingPersonId]);
    expect(await findDuplicateCandidates(db(), { ...variant, fatherName: "", grandfatherName: "ابراهيم", birthYear: null })).toMatchObject([{ id: sought.missingPersonId }]);
    expect(await findDuplicateCandidates(db(), { ...variant, givenName: "محمد", birthYear: 1985 })).toEqual([]);
  });

  it("does not propose a brother whose given name differs from the new record's by a long vowel", async () => {
    const familyName = uniqueFamilyName();
    for (const givenName of ["حسين", "محمود"]) {
      unwrap(await createMissingPerson(missingPersonInput({ givenName, fatherName: "علي", grandfatherName: "سالم", familyName, birthYear: "1980" })));
    }
    for (const givenName of ["حسن", "محمد"]) {
      expect(await findDuplicateCandidates(db(), { givenName, fatherName: "علي", grandfatherName: "سالم", familyName, nameLatin: "", birthYear: 1980 }), givenName).toEqual([]);
    }
    expect(await findDuplicateCandidates(db(), { givenName: "حسين", fatherName: "على", grandfatherName: "", familyName, nameLatin: "", birthYear: null })).toHaveLength(1);
  });

  it("tells the registrar which parts agree and when the person on file was last seen, to tell namesakes apart", async () => {
    const familyName = uniqueFamilyName();
    const onFile = unwrap(await createMissingPerson(missingPersonInput({ givenName: "مفتاح", fatherName: "سالم", grandfatherName: "علي", familyName, birthYear: "1979", lastSeenOn: "2019-11-04" })));
    const [candidate] = await findDuplicateCandidates(db(), { givenName: "مفتاح", fatherName: "صالم", grandfatherName: "", familyName: familyName.replace(/^ال/, ""), nameLatin: "", birthYear: null });
    expect(candidate).toMatchObject({ id: onFile.missingPersonId, lastSeenOn: "2019-11-04" });
    // The grandfather is not written on the new record: it is not among the parts compared. A
    // family name without its article is the same name; a father's name spelt with ص a close one.
    expect(candidate?.parts.map((part) => `${part.role} ${part.quality}`)).toEqual(["given exact", "father close", "family exact"]);
  });
});
