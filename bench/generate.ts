import { randomBytes, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/lib/demo/seed";
import { createRandom, type Random } from "@/lib/demo/random";
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, type TransliteratedName } from "@/lib/demo/names";
import { buildNameSearch } from "@/lib/names/normalise-arabic";
import { clerkSpelling } from "./spelling";

/**
 * `npm run bench:generate -- --scale=S|M|L`: synthetic records at a scale, into PostgreSQL.
 * S is the demo seed; M and L add invented families, missing persons, police reports, remains and
 * donors with their reference samples on top of it, streamed in with COPY. Every value is made
 * up from the demo's invented name parts; no real person is named.
 */
export const SCALES = {
  S: { missingPersons: 0, policeReports: 0, remains: 0, donors: 0 },
  M: { missingPersons: 10_000, policeReports: 100_000, remains: 2_000, donors: 5_000 },
  L: { missingPersons: 100_000, policeReports: 1_000_000, remains: 10_000, donors: 50_000 },
  /** For `npm run bench -- --smoke`: enough rows for every query to have something to find. */
  smoke: { missingPersons: 500, policeReports: 2_000, remains: 200, donors: 200 },
} as const;
export type Scale = keyof typeof SCALES;

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const COPY_CHUNK_ROWS = 2_000;
const STATIONS = ["مركز شرطة ترهونة", "مركز شرطة القصبات", "مركز شرطة سوق الخميس", "مركز شرطة الداوون", "مركز شرطة العربان"];
const RELATIONSHIPS = ["أب", "أم", "أخ", "أخت", "ابن", "زوجة", "عم"];
const PLACES = ["ترهونة", "القصبات", "سوق الخميس", "الداوون", "العربان", "مسلاتة"];
const REMAINS_CONDITIONS = ["complete", "partial", "commingled", "fragmentary"];
const DONOR_RELATIONSHIPS = ["mother", "father", "full_sibling", "child"];

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database of its own on the PostgreSQL server, thrown away with drop(). With `template`
 * (a database `npm run bench:generate` filled, not in use), a copy of it: each run starts from the
 * same registry without generating it again.
 */
export async function createBenchDatabase(template?: string): Promise<BenchDatabase> {
  const name = `tarhuna_bench_${randomBytes(6).toString("hex")}`;
  const admin = () => postgres(ADMIN_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
  const creator = admin();
  if (template !== undefined && !/^[a-z_][a-z0-9_]*$/.test(template)) throw new Error(`not a database name: ${template}`);
  await creator.unsafe(template === undefined ? `create database ${name}` : `create database ${name} template ${template}`);
  await creator.end({ timeout: 5 });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = admin();
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end({ timeout: 5 });
    },
  };
}

/** A COPY text-format field: our values hold no tabs or newlines, only nulls need a marker. */
const field = (value: string | number | boolean | null) => (value === null ? "\\N" : String(value));
const line = (values: (string | number | boolean | null)[]) => `${values.map(field).join("\t")}\n`;

/** Streams `count` rows made by `row` into `table` through COPY FROM STDIN. */
async function copyRows(client: postgres.Sql, table: string, columns: string[], count: number, row: (index: number) => (string | number | boolean | null)[]) {
  function* chunks() {
    for (let start = 0; start < count; start += COPY_CHUNK_ROWS) {
      let text = "";
      for (let index = start; index < Math.min(count, start + COPY_CHUNK_ROWS); index += 1) text += line(row(index));
      yield text;
    }
  }
  const writable = await client.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
  await pipeline(Readable.from(chunks()), writable);
}

const isoDate = (random: Random, fromYear: number, toYear: number) =>
  `${random.int(fromYear, toYear)}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;

interface InventedPerson {
  given: TransliteratedName;
  father: TransliteratedName;
  grandfather: TransliteratedName;
  family: TransliteratedName;
  sex: "male" | "female";
}

function personRow(random: Random, person: InventedPerson) {
  const parts = {
    givenName: clerkSpelling(random, person.given.ar),
    fatherName: clerkSpelling(random, person.father.ar),
    grandfatherName: random.chance(0.85) ? clerkSpelling(random, person.grandfather.ar) : "",
    familyName: clerkSpelling(random, person.family.ar),
    nameLatin: random.chance(0.6) ? [person.given, person.father, person.family].map((name) => name.latin).join(" ") : "",
  };
  return { ...parts, nameSearch: buildNameSearch(parts) };
}

interface Family {
  id: string;
  name: TransliteratedName;
  father: TransliteratedName;
  grandfather: TransliteratedName;
}

async function copyFamiliesAndPersons(client: postgres.Sql, random: Random, personCount: number) {
  const familyCount = Math.max(1, Math.round(personCount / 2));
  const families: Family[] = Array.from({ length: familyCount }, () => ({
    id: randomUUID(),
    name: random.pick(FAMILY_NAMES),
    father: random.pick(MALE_GIVEN_NAMES),
    grandfather: random.pick(MALE_GIVEN_NAMES),
  }));
  await copyRows(client, "families", ["id", "reference", "contact_name", "phone", "area"], familyCount, (index) => {
    const family = families[index] as Family;
    const contact = `${random.pick(MALE_GIVEN_NAMES).ar} ${family.father.ar} ${family.name.ar}`;
    return [family.id, `TRH-F-${String(100_000 + index)}`, contact, `09${random.int(10_000_000, 99_999_999)}`, random.pick(PLACES)];
  });
  const personIds = Array.from({ length: personCount }, () => randomUUID());
  const personFamily = personIds.map((_, index) => families[index % familyCount] as Family);
  const columns = ["id", "case_number", "family_id", "given_name", "father_name", "grandfather_name", "family_name", "name_latin", "name_search", "sex", "birth_year", "last_seen_on", "last_seen_place"];
  await copyRows(client, "missing_persons", columns, personCount, (index) => {
    const family = personFamily[index] as Family;
    const sex = random.chance(0.9) ? "male" : "female";
    const given = random.pick(sex === "male" ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
    const name = personRow(random, { given, father: family.father, grandfather: family.grandfather, family: family.name, sex });
    return [personIds[index] ?? "", `TRH-MP-${String(1_000_000 + index)}`, family.id, name.givenName, name.fatherName, name.grandfatherName, name.familyName, name.nameLatin, name.nameSearch, sex, random.int(1940, 2005), isoDate(random, 2019, 2020), random.pick(PLACES)];
  });
  return { families, personIds, personFamily };
}

async function copyPoliceReports(client: postgres.Sql, random: Random, count: number, personIds: string[]) {
  const reportIds = Array.from({ length: count }, () => randomUUID());
  const columns = ["id", "station", "report_number", "filed_on", "reporter_name", "reporter_relationship", "category", "narrative"];
  await copyRows(client, "police_reports", columns, count, (index) => [
    reportIds[index] ?? "",
    STATIONS[index % STATIONS.length] ?? "",
    `B${index}/${random.int(2019, 2022)}`,
    isoDate(random, 2019, 2022),
    `${random.pick(MALE_GIVEN_NAMES).ar} ${random.pick(MALE_GIVEN_NAMES).ar} ${random.pick(FAMILY_NAMES).ar}`,
    random.pick(RELATIONSHIPS),
    random.chance(0.3) ? "killing" : "disappearance",
    `بلاغ عن فقدان شخص في ${random.pick(PLACES)} (بيانات اصطناعية للاختبار)`,
  ]);
  if (personIds.length === 0) return;
  // Thousands of reports name far fewer people: each report names one person, one in ten a second.
  const links = reportIds.flatMap((reportId) => {
    const first = random.pick(personIds);
    const second = random.chance(0.1) ? random.pick(personIds) : first;
    return second === first ? [[reportId, first]] : [[reportId, first], [reportId, second]];
  });
  await copyRows(client, "police_report_persons", ["report_id", "missing_person_id"], links.length, (index) => links[index] ?? []);
}

async function copyRemains(client: postgres.Sql, random: Random, count: number) {
  const sites = await client<{ id: string; code: string }[]>`select id, code from grave_sites order by code`;
  if (sites.length === 0) throw new Error("no grave sites: the demo seed must run first");
  const columns = ["site_id", "code", "recovered_on", "estimated_sex", "age_min", "age_max", "condition", "storage_location"];
  await copyRows(client, "remains", columns, count, (index) => {
    const site = sites[index % sites.length] as { id: string; code: string };
    const ageMin = random.int(15, 60);
    return [site.id, `${site.code}-N${String(index).padStart(6, "0")}`, isoDate(random, 2020, 2025), random.chance(0.85) ? "male" : "unknown", ageMin, ageMin + 10, random.pick(REMAINS_CONDITIONS), `مخزن ${random.int(1, 9)}`];
  });
}

async function copyDonors(client: postgres.Sql, random: Random, count: number, people: Awaited<ReturnType<typeof copyFamiliesAndPersons>>) {
  const donorIds = Array.from({ length: count }, () => randomUUID());
  const personOf = donorIds.map((_, index) => index % people.personIds.length);
  await copyRows(client, "reference_donors", ["id", "family_id", "given_name", "father_name", "grandfather_name", "family_name", "name_latin", "name_search", "sex", "phone"], count, (index) => {
    const family = people.personFamily[personOf[index] ?? 0] as Family;
    const sex = random.chance(0.5) ? "male" : "female";
    const given = random.pick(sex === "male" ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
    const name = personRow(random, { given, father: family.father, grandfather: family.grandfather, family: family.name, sex });
    return [donorIds[index] ?? "", family.id, name.givenName, name.fatherName, name.grandfatherName, name.familyName, name.nameLatin, name.nameSearch, sex, `09${random.int(10_000_000, 99_999_999)}`];
  });
  await copyRows(client, "donor_relationships", ["donor_id", "missing_person_id", "relationship"], count, (index) => [donorIds[index] ?? "", people.personIds[personOf[index] ?? 0] ?? "", random.pick(DONOR_RELATIONSHIPS)]);
  const columns = ["barcode", "kind", "donor_id", "collected_on", "collected_by_name", "consent_given", "consent_scope", "consent_date", "lab_status", "laboratory"];
  await copyRows(client, "dna_samples", columns, count, (index) => {
    const collected = isoDate(random, 2021, 2025);
    return [`BEN-R-${String(index).padStart(7, "0")}`, "reference", donorIds[index] ?? "", collected, "فريق جمع العينات", true, "identification_only", collected, random.pick(["collected", "shipped", "received", "profiled"]), "مختبر اصطناعي"];
  });
}

export interface GeneratedCounts {
  missingPersons: number;
  policeReports: number;
  remains: number;
  donors: number;
  seconds: number;
}

/** Migrates the empty database at `url`, seeds the demo, then adds the scale's synthetic records. */
export async function generate(url: string, scale: Scale, seed = 0x11b3_2026): Promise<GeneratedCounts> {
  const started = performance.now();
  const handle = await openDatabase({ kind: "postgres", url }, { maxConnections: 2 });
  try {
    await migrateDatabase(handle);
    const seeded = await seedDemoData(handle.db, { reset: false });
    if (seeded.status === "refused") throw new Error(seeded.reason);
  } finally {
    await handle.close();
  }
  const size = SCALES[scale];
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const random = createRandom(seed);
    const people = await copyFamiliesAndPersons(client, random, size.missingPersons);
    await copyPoliceReports(client, random, size.policeReports, people.personIds);
    await copyRemains(client, random, size.remains);
    if (size.donors > 0) await copyDonors(client, random, size.donors, people);
    await client.unsafe("vacuum analyze");
  } finally {
    await client.end({ timeout: 5 });
  }
  return { ...size, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const scaleArgument = process.argv.find((argument) => argument.startsWith("--scale="))?.slice("--scale=".length) ?? "M";
  if (!(scaleArgument in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(", ")}`);
  const target = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : await createBenchDatabase();
  const counts = await generate(target.url, scaleArgument as Scale);
  console.log(`Scale ${scaleArgument} in ${counts.seconds.toFixed(1)} s into ${target.url} (kept; drop it when done):`, counts);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
