import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { dataConsents, families, missingPersons, onlineReports } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { fieldErrorsOf } from "@/lib/actions/field-errors";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { createFamily } from "@/lib/people/families";
import { createMissingPerson } from "@/lib/people/missing-persons";
import { newMissingPersonSchema } from "@/lib/people/schemas";
import { allocateCaseNumber } from "@/lib/people/sequences";
import type { AcceptReportValues, RejectReportValues } from "./schemas";

type OnlineReportRow = typeof onlineReports.$inferSelect;

/** The report as it stands, locked for this transaction; refused unless it still waits in the queue. */
async function waitingReport(tx: Transaction, reportId: string): Promise<OnlineReportRow> {
  const [report] = await tx.select().from(onlineReports).where(eq(onlineReports.id, reportId)).for("update");
  if (!report) throw new ActionRefusal("notFound", "Actions.notFound");
  if (report.status !== "submitted") throw new ActionRefusal("refused", "OnlineReport.alreadyDecided");
  return report;
}

/**
 * The report's person as the staff person form would send it, parsed by the same schema: what a
 * member of the public typed reaches the registry only through the registry's own validation.
 */
function personValues(report: OnlineReportRow, familyId: string) {
  const parsed = newMissingPersonSchema.safeParse({
    familyId,
    givenName: report.givenName,
    fatherName: report.fatherName,
    grandfatherName: report.grandfatherName,
    familyName: report.familyName,
    nameLatin: "",
    sex: report.sex,
    birthYear: report.birthYear === null ? "" : String(report.birthYear),
    lastSeenOn: report.lastSeenOn ?? "",
    lastSeenPlace: report.lastSeenPlace,
    circumstances: report.circumstances,
    // The registrar accepts from the triage page, where the likely duplicates are listed beside it.
    duplicatesReviewed: true,
  });
  if (!parsed.success) throw new ActionRefusal("invalid", "Actions.invalid", fieldErrorsOf(parsed.error));
  return parsed.data;
}

async function activeFamilyByReference(tx: Transaction, reference: string): Promise<string> {
  const [family] = await tx.select({ id: families.id }).from(families).where(and(eq(families.reference, reference), isNull(families.voidedAt)));
  if (!family) throw new ActionRefusal("invalid", "Actions.invalid", { familyReference: "familyNotFound" });
  return family.id;
}

async function activePerson(tx: Transaction, personId: string): Promise<{ id: string; familyId: string | null }> {
  const [person] = await tx
    .select({ id: missingPersons.id, familyId: missingPersons.familyId })
    .from(missingPersons)
    .where(and(eq(missingPersons.id, personId), isNull(missingPersons.voidedAt), isNull(missingPersons.mergedIntoId)));
  if (!person) throw new ActionRefusal("invalid", "Actions.invalid", { missingPersonId: "invalidChoice" });
  return person;
}

async function registerPerson(context: ActionContext<AcceptReportValues>, report: OnlineReportRow): Promise<{ missingPersonId: string; familyId: string | null }> {
  const { input } = context;
  if (input.mode === "existingPerson") {
    const person = await activePerson(context.tx, input.missingPersonId ?? "");
    return { missingPersonId: person.id, familyId: person.familyId };
  }
  const familyId =
    input.mode === "newFamily" && input.newFamily
      ? (await createFamily({ ...context, input: input.newFamily })).familyId
      : await activeFamilyByReference(context.tx, input.familyReference ?? "");
  const { missingPersonId } = await createMissingPerson({ ...context, input: personValues(report, familyId) }, allocateCaseNumber);
  return { missingPersonId, familyId };
}

/**
 * A registrar accepts a report into the registry: as a new family and person, a new person in a
 * family on file, or as the person on file it names. In one transaction with the staff forms' own
 * paths (createFamily, createMissingPerson, each audited), the report's consents move to the person
 * and the report records the decision. The family's access code is issued at the office, never here.
 */
export async function acceptOnlineReport(context: ActionContext<AcceptReportValues>): Promise<{ missingPersonId: string; familyId: string | null }> {
  const { input, tx, session, audit } = context;
  const report = await waitingReport(tx, input.reportId);
  const registered = await registerPerson(context, report);
  await tx.update(dataConsents).set({ missingPersonId: registered.missingPersonId }).where(eq(dataConsents.onlineReportId, report.id));
  await updateVersioned(tx, onlineReports, "online_report", { id: report.id, version: input.version }, {
    status: "accepted",
    missingPersonId: registered.missingPersonId,
    // A new person is the report's data and follows its consents (consent-use.ts); one on file does not.
    createdPerson: input.mode !== "existingPerson",
    familyId: registered.familyId,
    decidedBy: session.userId,
    decidedAt: new Date(),
  });
  await audit({
    action: "onlineReport.accept",
    entity: "online_report",
    entityId: report.id,
    before: { status: report.status, version: report.version },
    after: { status: "accepted", reference: report.reference, mode: input.mode, ...registered },
  });
  return registered;
}

/** A registrar turns a report down with a reason; spam is deleted 30 days later (purge.ts). */
export async function rejectOnlineReport({ input, tx, session, audit }: ActionContext<RejectReportValues>): Promise<{ reportId: string }> {
  const report = await waitingReport(tx, input.reportId);
  await updateVersioned(tx, onlineReports, "online_report", { id: report.id, version: input.version }, {
    status: "rejected",
    rejectionKind: input.kind,
    rejectionReason: input.reason,
    decidedBy: session.userId,
    decidedAt: new Date(),
  });
  await audit({
    action: "onlineReport.reject",
    entity: "online_report",
    entityId: report.id,
    before: { status: report.status, version: report.version },
    after: { status: "rejected", reference: report.reference, kind: input.kind, reason: input.reason },
  });
  return { reportId: report.id };
}
