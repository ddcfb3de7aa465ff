import "server-only";
import { and, eq, isNull, notInArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { families, identifications, INACTIVE_IDENTIFICATION_STATUSES, missingPersons } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { buildNameSearch } from "@/lib/names/normalise-arabic";
import { findDuplicateCandidates } from "./duplicates";
import { HAND_SET_STATUSES, type MissingPersonValues, type NewMissingPersonValues, type UpdateMissingPersonValues } from "./schemas";
import { auditSnapshot } from "@/lib/audit/snapshot";

/** The stored columns of a form's values; name_search is rebuilt from the name on every save. */
export function missingPersonColumns(values: MissingPersonValues) {
  return {
    familyId: values.familyId === "" ? null : values.familyId,
    givenName: values.givenName,
    fatherName: values.fatherName,
    grandfatherName: values.grandfatherName,
    familyName: values.familyName,
    nameLatin: values.nameLatin,
    nameSearch: buildNameSearch(values),
    sex: values.sex,
    birthYear: values.birthYear === "" ? null : Number(values.birthYear),
    lastSeenOn: values.lastSeenOn === "" ? null : values.lastSeenOn,
    lastSeenPlace: values.lastSeenPlace,
    circumstances: values.circumstances,
  };
}

async function requireActiveFamily(tx: Transaction, familyId: string | null): Promise<void> {
  if (familyId === null) return;
  const [family] = await tx.select({ id: families.id }).from(families).where(and(eq(families.id, familyId), isNull(families.voidedAt)));
  if (!family) throw new ActionRefusal("invalid", "Actions.invalid", { familyId: "invalidChoice" });
}

/**
 * Registers a missing person unless the registrar has not yet looked at the likely duplicates:
 * thousands of reports name far fewer people, so a second record is the commonest mistake.
 */
export async function createMissingPerson(
  { input, tx, audit }: ActionContext<NewMissingPersonValues>,
  allocateCaseNumber: (tx: Transaction) => Promise<string>,
): Promise<{ missingPersonId: string; caseNumber: string }> {
  const columns = missingPersonColumns(input);
  await requireActiveFamily(tx, columns.familyId);
  if (!input.duplicatesReviewed) {
    const candidates = await findDuplicateCandidates(tx, { ...input, birthYear: columns.birthYear });
    if (candidates.length > 0) throw new ActionRefusal("refused", "People.duplicatesFound", { form: "possibleDuplicates" });
  }
  const caseNumber = await allocateCaseNumber(tx);
  const [created] = await tx.insert(missingPersons).values({ ...columns, caseNumber }).returning();
  if (!created) throw new Error("missing person was not inserted");
  await audit({ action: "missingPerson.create", entity: "missing_person", entityId: created.id, after: auditSnapshot("missing_person", created) });
  return { missingPersonId: created.id, caseNumber };
}

export async function updateMissingPerson({ input, tx, audit }: ActionContext<UpdateMissingPersonValues>): Promise<{ version: number }> {
  const [before] = await tx.select().from(missingPersons).where(eq(missingPersons.id, input.missingPersonId));
  if (!before) throw new ActionRefusal("notFound", "Actions.notFound");
  if (before.mergedIntoId !== null) throw new ActionRefusal("refused", "People.mergedRecord");
  const columns = missingPersonColumns(input);
  await requireActiveFamily(tx, columns.familyId);
  if (input.status !== before.status) await requireHandSetStatusChange(tx, before.id, before.status, input.status);
  const after = await updateVersioned(tx, missingPersons, "missing_person", { id: input.missingPersonId, version: input.version }, {
    ...columns,
    status: input.status,
  });
  await audit({ action: "missingPerson.update", entity: "missing_person", entityId: before.id, before: auditSnapshot("missing_person", before), after: auditSnapshot("missing_person", after) });
  return { version: Number(after.version) };
}

/** Only missing ⇄ found alive is set by hand, and never while an identification holds the person. */
async function requireHandSetStatusChange(tx: Transaction, missingPersonId: string, from: string, to: string): Promise<void> {
  const handSet = (status: string) => (HAND_SET_STATUSES as readonly string[]).includes(status);
  const held = await tx.$count(
    identifications,
    and(eq(identifications.missingPersonId, missingPersonId), notInArray(identifications.status, [...INACTIVE_IDENTIFICATION_STATUSES])),
  );
  if (!handSet(from) || !handSet(to) || held > 0) {
    throw new ActionRefusal("invalid", "Actions.invalid", { status: "statusSetByIdentification" });
  }
}
