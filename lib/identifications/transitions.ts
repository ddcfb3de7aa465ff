import "server-only";
import { eq } from "drizzle-orm";
import { identifications } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { todayInLibya } from "@/lib/forensic/dates";
import { syncPersonStatus } from "./person-status";
import { IDENTIFICATION_ENTITY } from "./propose";
import { refuseField, refuseUnlessAllowed } from "./refusals";
import type {
  ConfirmIdentificationValues,
  ReasonedStepValues,
  RecordNotificationValues,
  RecordReturnValues,
} from "./schemas";
import { decide, isActive, type IdentificationOperation } from "./state-machine";
import { auditSnapshot } from "@/lib/audit/snapshot";

type Identification = typeof identifications.$inferSelect;
type StepValues = Partial<typeof identifications.$inferInsert>;
type StepInput = { identificationId: string; version: number };

/**
 * Every step after the proposal, the same way: lock the row, check the version the user saw, ask
 * the state machine, write the new status with a conditional update, derive the person's status,
 * audit. Two examiners confirming at once queue on the row lock; the second finds a newer version
 * and is refused, so exactly one wins.
 */
async function takeStep<Input extends StepInput>(
  context: ActionContext<Input>,
  operation: IdentificationOperation,
  values: (current: Identification) => StepValues,
) {
  const { input, tx, session, audit } = context;
  const [current] = await tx.select().from(identifications).where(eq(identifications.id, input.identificationId)).for("update");
  if (!current) throw new ActionRefusal("notFound", "Actions.notFound");
  const target = { id: current.id, version: input.version };
  if (current.version === input.version) {
    const decision = decide(operation, current, session);
    refuseUnlessAllowed(decision);
    const after = await updateVersioned(tx, identifications, IDENTIFICATION_ENTITY, target, { status: decision.to, ...values(current) });
    const personStatus = await syncPersonStatus(tx, current.missingPersonId, isActive(decision.to) ? decision.to : null);
    await audit({ action: `identification.${operation}`, entity: IDENTIFICATION_ENTITY, entityId: current.id, before: auditSnapshot("identification", current), after: { ...auditSnapshot("identification", after), personStatus } });
    return { identificationId: current.id };
  }
  // Someone moved the identification on since this user loaded it: the versioned update writes
  // nothing and refuses with who, when and what they saved.
  await updateVersioned(tx, identifications, IDENTIFICATION_ENTITY, target, {});
  throw new Error("a stale version was written");
}

export const confirmIdentificationRecord = (context: ActionContext<ConfirmIdentificationValues>) =>
  takeStep(context, "confirm", () => ({ confirmedBy: context.session.userId, confirmedAt: new Date() }));

export const rejectIdentificationRecord = (context: ActionContext<ReasonedStepValues>) =>
  takeStep(context, "reject", () => ({ rejectedBy: context.session.userId, rejectedAt: new Date(), rejectionReason: context.input.reason }));

export const retractIdentificationRecord = (context: ActionContext<ReasonedStepValues>) =>
  takeStep(context, "retract", () => ({ retractedBy: context.session.userId, retractedAt: new Date(), retractionReason: context.input.reason }));

/** The family is told in person, on or after the day of confirmation. */
export const recordNotificationRecord = (context: ActionContext<RecordNotificationValues>) =>
  takeStep(context, "recordNotification", (current) => {
    const confirmedOn = current.confirmedAt ? todayInLibya(current.confirmedAt) : null;
    if (confirmedOn && context.input.notifiedOn < confirmedOn) refuseField("notifiedOn", "Identifications.notifiedBeforeConfirmation");
    return { notifiedOn: context.input.notifiedOn, notifiedBy: context.session.userId, notificationMethod: context.input.notificationMethod };
  });

/** Remains go back to the family only after they were told, never before. */
export const recordReturnRecord = (context: ActionContext<RecordReturnValues>) =>
  takeStep(context, "recordReturn", (current) => {
    if (current.notifiedOn && context.input.returnedOn < current.notifiedOn) refuseField("returnedOn", "Identifications.returnedBeforeNotification");
    const { returnedOn, returnedTo, burialPlace } = context.input;
    return { returnedOn, returnedTo, burialPlace };
  });
