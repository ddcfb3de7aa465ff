import type { Executor } from "@/db/client";
import { likelyMatchesOfMany, type LikelyMatch } from "./duplicate-review";
import type { NamedPerson } from "./named-people";
import type { ValidRow } from "./parse-file";
import { linkedPerson, type ConflictChoice } from "./report-conflicts";
import type { PoliceReportRow } from "./validate-row";

/** A new person of the file the registry probably has: its likely matches and the user's choice. */
export interface PersonMatch {
  rowNumber: number;
  sheet?: string;
  key: string;
  name: string;
  /** The name as the register wrote it, when it differs (a title, "بن"). */
  written?: string;
  matches: LikelyMatch[];
  choice: ConflictChoice | null;
}

export type PersonDecision = { action: "create"; person: NamedPerson } | { action: "link"; id: string; caseNumber: string; name: string } | { action: "undecided" };

export interface NamedPeopleReview {
  /** Each person the reports name, by key: created, linked to the chosen person on file, or waiting. */
  decisions: Map<string, PersonDecision>;
  personMatches: PersonMatch[];
}

export const fullNameOf = (person: { givenName: string; fatherName: string; grandfatherName: string; familyName: string }) =>
  [person.givenName, person.fatherName, person.grandfatherName, person.familyName].filter((part) => part !== "").join(" ");

/**
 * Decides, for one new person, what the user chose: with likely matches on file, "link" to the one
 * chosen or "create"; until then undecided. Without a likely match, the person is new.
 */
export function decide(matches: LikelyMatch[], choice: ConflictChoice | null): "create" | "undecided" | LikelyMatch {
  if (matches.length === 0) return "create";
  const linked = linkedPerson(choice, matches.map((match) => match.id));
  if (linked !== null) return matches.find((match) => match.id === linked) ?? "undecided";
  return choice === "create" ? "create" : "undecided";
}

/**
 * The people the reports' names cells name, each run once through the forms' duplicate review
 * (a man named in three reports is one person, created once and linked to all three).
 */
export async function reviewNamedPeople(db: Executor, rows: readonly ValidRow[], choices: Readonly<Record<string, ConflictChoice>>): Promise<NamedPeopleReview> {
  const review: NamedPeopleReview = { decisions: new Map(), personMatches: [] };
  // Every distinct person, in the order the loop below meets them, looked up together (a few
  // hundred per statement): however long the register, none is created without the review.
  const reviewed = new Map<string, NamedPerson>();
  for (const row of rows) {
    for (const person of (row.values as PoliceReportRow).namedPeople) {
      if (!reviewed.has(person.key)) reviewed.set(person.key, person);
    }
  }
  const found = await likelyMatchesOfMany(db, [...reviewed.values()].map((person) => ({ ...person, nameLatin: "", birthYear: null })));
  const matchesOf = new Map([...reviewed.keys()].map((key, index) => [key, found[index] ?? []]));
  for (const row of rows) {
    for (const person of (row.values as PoliceReportRow).namedPeople) {
      if (review.decisions.has(person.key)) continue;
      const matches = matchesOf.get(person.key) ?? [];
      const choice = choices[person.key] ?? null;
      const decided = decide(matches, choice);
      if (matches.length > 0) {
        const name = fullNameOf(person);
        review.personMatches.push({ rowNumber: row.rowNumber, ...(row.sheet === undefined ? {} : { sheet: row.sheet }), key: person.key, name, ...(person.fullName === name ? {} : { written: person.fullName }), matches, choice });
      }
      review.decisions.set(
        person.key,
        decided === "create" ? { action: "create", person } : decided === "undecided" ? { action: "undecided" } : { action: "link", id: decided.id, caseNumber: decided.caseNumber, name: decided.name },
      );
    }
  }
  return review;
}
