import { sql } from "drizzle-orm";
import { selectRows, type Database } from "@/db/client";
import { createRandom, type Random } from "@/lib/demo/random";
import { createNameScorer } from "@/lib/names/name-match";
import { normaliseArabicName } from "@/lib/names/normalise-arabic";
import { searchMissingPersons } from "@/lib/people/search";
import { misspell } from "../spelling";

/**
 * How well the staff search finds people by name as relatives type it (issue 31): for people
 * whose four-part name is unique, their 2-, 3- and 4-part names, exact and misspelt as
 * bench/spelling.ts does, through searchMissingPersons. Its ground truth is checked without the
 * search: every person in the registry is scored part by part in TypeScript (name-match.ts) for a
 * sample of the queries, which says whether the database's candidates lost anyone who should rank
 * above, and how the scorer alone would rank the person sought.
 */
export interface RegistryPerson {
  id: string;
  given_name: string;
  father_name: string;
  grandfather_name: string;
  family_name: string;
  name_latin: string;
}

export const QUERY_KINDS = [
  { name: "given, family", roles: [0, 3] },
  { name: "given, father, family", roles: [0, 1, 3] },
  { name: "all four parts", roles: [0, 1, 2, 3] },
] as const;

export interface RankingFigures {
  kind: string;
  misspelt: boolean;
  queries: number;
  /** The person sought among the first 20. */
  listed: number;
  /** Queries whose typed parts name this person alone (in those roles, after normalisation). */
  identifying: number;
  /** Of those, the person sought ranked first. */
  firstWhenIdentifying: number;
  /** Of all queries, first is the person sought or another person with the same typed parts. */
  firstOrSameParts: number;
  /** Queries checked exhaustively, and of them: the search's best score is the exhaustive best. */
  checked: number;
  searchAgreesWithExhaustive: number;
  /** Of the checked: the scorer alone ranks the person sought first (ties with same parts aside). */
  exhaustiveFirst: number;
}

const partsOf = (person: RegistryPerson) => [person.given_name, person.father_name, person.grandfather_name, person.family_name];
const normalisedParts = (person: RegistryPerson) => partsOf(person).map(normaliseArabicName);
const typedKey = (person: RegistryPerson, roles: readonly number[]) => {
  const parts = normalisedParts(person);
  return roles.map((role) => parts[role] ?? "").join("|");
};

/** In case-number order, so that the seeded sample names the same people however the table was rewritten. */
export async function loadRegistry(db: Database): Promise<RegistryPerson[]> {
  return selectRows<RegistryPerson>(
    db,
    sql`select id, given_name, father_name, grandfather_name, family_name, name_latin from missing_persons
         where merged_into_id is null and voided_at is null order by case_number`,
  );
}

/** People whose four normalised parts are all written and held by nobody else, in a seeded order. */
export function uniqueFourPartPeople(registry: RegistryPerson[], random: Random, count: number): RegistryPerson[] {
  const counts = new Map<string, number>();
  for (const person of registry) counts.set(typedKey(person, [0, 1, 2, 3]), (counts.get(typedKey(person, [0, 1, 2, 3])) ?? 0) + 1);
  const unique = registry.filter((person) => normalisedParts(person).every((part) => part !== "") && counts.get(typedKey(person, [0, 1, 2, 3])) === 1);
  const chosen: RegistryPerson[] = [];
  const taken = new Set<number>();
  while (chosen.length < Math.min(count, unique.length)) {
    const index = random.int(0, unique.length - 1);
    if (taken.has(index)) continue;
    taken.add(index);
    chosen.push(unique[index] as RegistryPerson);
  }
  return chosen;
}

export interface NameQuery {
  target: RegistryPerson;
  kind: (typeof QUERY_KINDS)[number];
  misspelt: boolean;
  text: string;
}

export function nameQueries(targets: RegistryPerson[], random: Random): NameQuery[] {
  return targets.flatMap((target) =>
    QUERY_KINDS.flatMap((kind) => {
      const words = kind.roles.map((role) => partsOf(target)[role] ?? "");
      return [
        { target, kind, misspelt: false, text: words.join(" ") },
        { target, kind, misspelt: true, text: misspell(random, words) },
      ];
    }),
  );
}

/** The exhaustive best score over the registry, and whether the person sought holds it alone or with same-parts people only. */
function exhaustive(query: NameQuery, registry: RegistryPerson[], sameParts: Set<string>) {
  const scorer = createNameScorer(query.text);
  let best = 0;
  let targetScore = 0;
  let outranked = false;
  const scores = registry.map((person) => {
    const score = scorer.score({ givenName: person.given_name, fatherName: person.father_name, grandfatherName: person.grandfather_name, familyName: person.family_name, nameLatin: person.name_latin }).score;
    if (person.id === query.target.id) targetScore = score;
    return score;
  });
  registry.forEach((person, index) => {
    const score = scores[index] ?? 0;
    best = Math.max(best, score);
    if (person.id !== query.target.id && !sameParts.has(person.id) && score > targetScore) outranked = true;
  });
  return { best, first: !outranked };
}

export async function measureNameRanking(db: Database, sample: number, exhaustiveSample: number, seed = 0x31a7e5): Promise<RankingFigures[]> {
  const random = createRandom(seed);
  const registry = await loadRegistry(db);
  const targets = uniqueFourPartPeople(registry, random, sample);
  const queries = nameQueries(targets, random);
  const peopleByTypedParts = new Map<string, string[]>();
  const figures = new Map<string, RankingFigures>();
  for (const kind of QUERY_KINDS) {
    const roles = kind.roles;
    for (const person of registry) {
      const key = `${kind.name}:${typedKey(person, roles)}`;
      const list = peopleByTypedParts.get(key);
      if (list) list.push(person.id);
      else peopleByTypedParts.set(key, [person.id]);
    }
  }
  const exhaustiveTargets = new Set(targets.slice(0, exhaustiveSample).map((target) => target.id));
  for (const query of queries) {
    const label = `${query.kind.name}${query.misspelt ? " misspelt" : ""}`;
    const entry = figures.get(label) ?? { kind: query.kind.name, misspelt: query.misspelt, queries: 0, listed: 0, identifying: 0, firstWhenIdentifying: 0, firstOrSameParts: 0, checked: 0, searchAgreesWithExhaustive: 0, exhaustiveFirst: 0 };
    figures.set(label, entry);
    const sameParts = new Set(peopleByTypedParts.get(`${query.kind.name}:${typedKey(query.target, query.kind.roles)}`) ?? []);
    sameParts.delete(query.target.id);
    const results = await searchMissingPersons(db, query.text, 20);
    const first = results[0]?.id ?? "";
    entry.queries += 1;
    if (results.some((result) => result.id === query.target.id)) entry.listed += 1;
    if (first === query.target.id || sameParts.has(first)) entry.firstOrSameParts += 1;
    if (sameParts.size === 0) {
      entry.identifying += 1;
      if (first === query.target.id) entry.firstWhenIdentifying += 1;
    }
    if (exhaustiveTargets.has(query.target.id)) {
      const truth = exhaustive(query, registry, sameParts);
      entry.checked += 1;
      if (Math.abs((results[0]?.score ?? 0) - truth.best) < 1e-9) entry.searchAgreesWithExhaustive += 1;
      if (truth.first) entry.exhaustiveFirst += 1;
    }
  }
  return [...figures.values()];
}
