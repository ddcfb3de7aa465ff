import { addDays, atHour, yearOf } from "./dates";
import type { FamilyWithMembers } from "./generate-families";
import { IDENTIFICATION_SPECS, REJECTION_REASON, type IdentificationSpec } from "./identification-plan";
import type { Random } from "./random";
import type { DemoStaff, FamilyRow, IdentificationRow, MissingPersonRow, RemainsRow } from "./types";

export interface PlannedIdentification {
  spec: IdentificationSpec;
  remains: RemainsRow;
  person: MissingPersonRow;
  family: FamilyRow;
}

export function resolveIdentificationPlan(
  remains: readonly RemainsRow[],
  families: readonly FamilyWithMembers[],
): PlannedIdentification[] {
  return IDENTIFICATION_SPECS.map((spec) => {
    const body = remains.find((candidate) => candidate.code === spec.remainsCode);
    const entry = families[spec.familyIndex];
    const person = entry?.missingPersons[0];
    if (!body || !entry || !person) throw new Error(`demo identification plan is broken at ${spec.remainsCode}`);
    return { spec, remains: body, person, family: entry.family };
  });
}

/**
 * The body must look like the person it is matched to: an anthropologist's estimate that
 * contradicted the identification would have stopped it.
 */
export function alignRecordsWithPlan(plans: readonly PlannedIdentification[]): void {
  for (const { spec, remains, person } of plans) {
    if (spec.status === "rejected") continue;
    const ageAtDisappearance = yearOf(person.lastSeenOn ?? "2020-01-01") - (person.birthYear ?? 1980);
    remains.estimatedSex = person.sex;
    remains.ageMin = Math.max(0, ageAtDisappearance - 5);
    remains.ageMax = Math.min(110, ageAtDisappearance + 5);
    if (spec.status === "confirmed" || spec.status === "family_notified") person.status = "identified";
    if (spec.status === "remains_returned") {
      person.status = "remains_returned";
      remains.storageLocation = "سُلّمت إلى الأسرة للدفن";
    }
  }
}

function progressFields(plan: PlannedIdentification, proposedOn: string, staff: DemoStaff): Partial<IdentificationRow> {
  const { status } = plan.spec;
  if (status === "proposed") return {};
  if (status === "rejected") {
    return { rejectedBy: staff.secondForensic.id, rejectedAt: atHour(addDays(proposedOn, 6), 12), rejectionReason: REJECTION_REASON };
  }
  const confirmedOn = addDays(proposedOn, 5);
  const confirmed = { confirmedBy: staff.secondForensic.id, confirmedAt: atHour(confirmedOn, 13) };
  if (status === "confirmed") return confirmed;
  const notifiedOn = addDays(confirmedOn, 9);
  const notified = { ...confirmed, notifiedOn, notifiedBy: staff.registrar.id, notificationMethod: "زيارة شخصية للأسرة مع أخصائي نفسي" };
  if (status === "family_notified") return notified;
  return { ...notified, returnedOn: addDays(notifiedOn, 20), returnedTo: plan.family.contactName, burialPlace: "المقبرة العامة" };
}

/** Proposals spaced two weeks apart from October 2024, after every sample involved was profiled. */
export function buildIdentifications(
  random: Random,
  plans: readonly PlannedIdentification[],
  staff: DemoStaff,
): IdentificationRow[] {
  return plans.map((plan, index) => {
    const proposedOn = addDays("2024-10-01", index * 14);
    return {
      id: random.uuid(),
      remainsId: plan.remains.id,
      missingPersonId: plan.person.id,
      basis: [...plan.spec.basis],
      likelihoodRatio: plan.spec.likelihoodRatio,
      evidenceSummary: plan.spec.evidenceSummary,
      status: plan.spec.status,
      proposedBy: staff.forensic.id,
      proposedAt: atHour(proposedOn, 11),
      ...progressFields(plan, proposedOn, staff),
    };
  });
}
