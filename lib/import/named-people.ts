import { buildNameSearch } from "@/lib/names/normalise-arabic";
import { splitFullName } from "./full-name";
import { splitNameList } from "./name-list";

/** A person a report's names cell names: the name as written, its parts, and the key one person has in the file. */
export interface NamedPerson {
  key: string;
  fullName: string;
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  title: string;
}

/** A person without a case number is keyed by name and birth year: the same man twice in a file is one person. */
export function personNameKey(parts: { givenName: string; fatherName: string; grandfatherName: string; familyName: string }, birthYear: number | null): string {
  return `name:${buildNameSearch({ ...parts, nameLatin: "" })}|${birthYear ?? ""}`;
}

/** Each name of the cell ("و", commas, "،" between full names) as one person, its parts split. */
export function namedPeople(cell: string): NamedPerson[] {
  const seen = new Set<string>();
  return splitNameList(cell).flatMap((fullName) => {
    const parts = splitFullName(fullName);
    const key = personNameKey(parts, null);
    if (parts.givenName === "" || seen.has(key)) return [];
    seen.add(key);
    return [{ key, fullName, ...parts }];
  });
}
