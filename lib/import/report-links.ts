import { normaliseArabicName } from "@/lib/names/normalise-arabic";
import type { LinkedPerson } from "./lookups";
import type { NamedPerson } from "./named-people";
import type { ValidRow } from "./parse-file";
import type { PoliceReportRow } from "./validate-row";

/**
 * A report already on file that the file names people for who are not yet linked to it: the
 * import links them (a register re-imported after the people were entered, or a register whose
 * reports were first typed by hand without their people). `row` holds only the people still to
 * be linked: its names cell reduced to the unlinked names, its case numbers to the unlinked ones.
 */
export interface ReportLinks {
  row: ValidRow;
  reportId: string;
}

const samePart = (first: string, second: string) => normaliseArabicName(first) === normaliseArabicName(second);

/**
 * Whether a name in the register is a person the report is already linked to: given and family
 * names the same, and the father's and grandfather's names the same wherever both are written (a
 * register that leaves out the grandfather still names the man the clerk linked with all four).
 */
function isLinkedPerson(named: NamedPerson, person: LinkedPerson): boolean {
  if (!samePart(named.givenName, person.givenName) || !samePart(named.familyName, person.familyName)) return false;
  const bothWritten = (first: string, second: string) => first.trim() === "" || second.trim() === "" || samePart(first, second);
  return bothWritten(named.fatherName, person.fatherName) && bothWritten(named.grandfatherName, person.grandfatherName);
}

/**
 * The part of a report row on file that is not linked yet, or null when every person it names
 * (by case number or by name) is linked to the report already.
 * `references` resolves case numbers to person ids (lookups.resolveCaseNumbers).
 */
export function unlinkedPart(row: ValidRow, linked: readonly LinkedPerson[], references: ReadonlyMap<string, string>): ValidRow | null {
  const report = row.values as PoliceReportRow;
  const linkedIds = new Set(linked.map((person) => person.id));
  const caseNumbers = report.caseNumbers.filter((caseNumber) => {
    const id = references.get(caseNumber);
    return id !== undefined && !linkedIds.has(id);
  });
  const namedPeople = report.namedPeople.filter((named) => !linked.some((person) => isLinkedPerson(named, person)));
  if (caseNumbers.length === 0 && namedPeople.length === 0) return null;
  return { ...row, values: { ...report, caseNumbers, namedPeople } };
}
