import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { families, missingPersons, policeReportPersons, policeReports } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { createMissingPerson } from "./missing-persons";
import type { PoliceReportValues, ReportNewPersonValues } from "./schemas";
import { refusingDuplicate } from "./unique-field";
import { auditSnapshot } from "@/lib/audit/snapshot";

type AllocateCaseNumber = (tx: Transaction) => Promise<string>;

async function familyIdFor(tx: Transaction, reference: string, index: number): Promise<string> {
  if (reference === "") return "";
  const [family] = await tx.select({ id: families.id }).from(families).where(and(eq(families.reference, reference), isNull(families.voidedAt)));
  if (!family) throw new ActionRefusal("invalid", "Actions.invalid", { [`newPersons.${index}.familyReference`]: "familyNotFound" });
  return family.id;
}

/**
 * The people registered on the spot with the report, each through the same path as the person
 * form (likely duplicates refused until reviewed, next case number, audit entry), in the report's transaction.
 */
async function registerNewPersons(context: ActionContext<PoliceReportValues>, allocateCaseNumber: AllocateCaseNumber): Promise<string[]> {
  const created: string[] = [];
  for (const [index, person] of context.input.newPersons.entries()) {
    const familyId = await familyIdFor(context.tx, person.familyReference, index);
    const input = { ...newPersonValues(person), familyId };
    try {
      const { missingPersonId } = await createMissingPerson({ ...context, input }, allocateCaseNumber);
      created.push(missingPersonId);
    } catch (error) {
      // Point the refusal at the person it concerns, so the form shows the warning next to them.
      if (error instanceof ActionRefusal && error.messageKey === "People.duplicatesFound") {
        throw new ActionRefusal("refused", "People.duplicatesFound", { [`newPersons.${index}`]: "possibleDuplicates" });
      }
      throw error;
    }
  }
  return created;
}

function newPersonValues(person: ReportNewPersonValues) {
  return {
    givenName: person.givenName,
    fatherName: person.fatherName,
    grandfatherName: person.grandfatherName,
    familyName: person.familyName,
    nameLatin: "",
    sex: person.sex,
    birthYear: person.birthYear,
    lastSeenOn: "",
    lastSeenPlace: "",
    circumstances: "",
    duplicatesReviewed: person.duplicatesReviewed,
  };
}

/** Refuses a link to a person who is not on file, merged away or voided. */
type PoliceReportFields = Pick<PoliceReportValues, "station" | "reportNumber" | "filedOn" | "reporterName" | "reporterRelationship" | "category" | "narrative">;

/** The report's own columns from a create or a correction form (its links to persons are kept apart). */
export function policeReportValues(input: PoliceReportFields): PoliceReportFields {
  return {
    station: input.station,
    reportNumber: input.reportNumber,
    filedOn: input.filedOn,
    reporterName: input.reporterName,
    reporterRelationship: input.reporterRelationship,
    category: input.category,
    narrative: input.narrative,
  };
}

export async function requireActivePersons(tx: Transaction, missingPersonIds: string[]): Promise<void> {
  if (missingPersonIds.length === 0) return;
  const named = await tx
    .select({ id: missingPersons.id })
    .from(missingPersons)
    .where(and(inArray(missingPersons.id, missingPersonIds), isNull(missingPersons.mergedIntoId), isNull(missingPersons.voidedAt)));
  if (named.length !== missingPersonIds.length) {
    throw new ActionRefusal("invalid", "Actions.invalid", { missingPersonIds: "invalidChoice" });
  }
}

/**
 * A report names one or many people: picked from those on file, or registered with it. A merged
 * record's reports belong to the person it became.
 */
export async function createPoliceReport(context: ActionContext<PoliceReportValues>, allocateCaseNumber: AllocateCaseNumber): Promise<{ reportId: string }> {
  const { input, tx, audit } = context;
  const pickedIds = [...new Set(input.missingPersonIds)];
  await requireActivePersons(tx, pickedIds);
  const reportValues = policeReportValues(input);
  const [report] = await refusingDuplicate("reportNumber", "reportNumberTaken", () =>
    tx.insert(policeReports).values(reportValues).returning(),
  );
  if (!report) throw new Error("police report was not inserted");
  const missingPersonIds = [...pickedIds, ...(await registerNewPersons(context, allocateCaseNumber))];
  await tx.insert(policeReportPersons).values(missingPersonIds.map((missingPersonId) => ({ reportId: report.id, missingPersonId })));
  await audit({ action: "policeReport.create", entity: "police_report", entityId: report.id, after: { ...auditSnapshot("police_report", report), missingPersonIds } });
  return { reportId: report.id };
}
