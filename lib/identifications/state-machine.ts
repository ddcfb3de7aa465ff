import type { identificationStatus } from "@/db/schema/enums";
import { can, type Permission, type Role } from "@/lib/auth/permissions";

export type IdentificationStatus = (typeof identificationStatus.enumValues)[number];
export type PersonStatusFromIdentification = "missing" | "identified" | "remains_returned";
export type BodyStatus = "unidentified" | "proposed" | "identified" | "returned";

export const IDENTIFICATION_OPERATIONS = ["propose", "confirm", "reject", "retract", "recordNotification", "recordReturn"] as const;
export type IdentificationOperation = (typeof IDENTIFICATION_OPERATIONS)[number];

/** Rejected and retracted identifications are history: they hold neither the body nor the person. */
export const ACTIVE_STATUSES = ["proposed", "confirmed", "family_notified", "remains_returned"] as const satisfies readonly IdentificationStatus[];
export const TERMINAL_STATUSES = ["rejected", "retracted"] as const satisfies readonly IdentificationStatus[];

interface Step {
  /** Statuses the step starts from; null means it starts a new identification. */
  from: readonly IdentificationStatus[] | null;
  to: IdentificationStatus;
  permission: Permission;
}

/**
 * The whole workflow in one table. Who may take a step comes from the permission table, so the
 * actions, the buttons on the page and this machine can never disagree about roles.
 */
export const STEPS: Record<IdentificationOperation, Step> = {
  propose: { from: null, to: "proposed", permission: "identification.propose" },
  confirm: { from: ["proposed"], to: "confirmed", permission: "identification.confirm" },
  reject: { from: ["proposed"], to: "rejected", permission: "identification.confirm" },
  retract: { from: ["confirmed", "family_notified", "remains_returned"], to: "retracted", permission: "identification.retract" },
  recordNotification: { from: ["confirmed"], to: "family_notified", permission: "identification.notify" },
  recordReturn: { from: ["family_notified"], to: "remains_returned", permission: "identification.notify" },
};

export interface Actor {
  userId: string;
  role: Role;
}

/** The parts of an identification the workflow decides on. */
export interface IdentificationState {
  status: IdentificationStatus;
  proposedBy: string;
}

export type Decision =
  | { allowed: true; to: IdentificationStatus }
  | { allowed: false; reason: "role" | "ownProposal" | "status" };

export function isActive(status: IdentificationStatus): boolean {
  return (ACTIVE_STATUSES as readonly IdentificationStatus[]).includes(status);
}

/** May this actor take this step on this identification (null: one not yet proposed)? */
export function decide(operation: IdentificationOperation, current: IdentificationState | null, actor: Actor): Decision {
  const step = STEPS[operation];
  if (!can(actor.role, step.permission)) return { allowed: false, reason: "role" };
  if (step.from === null ? current !== null : current === null || !step.from.includes(current.status)) {
    return { allowed: false, reason: "status" };
  }
  // Four eyes: the examiner who proposed an identification may not be the one who confirms it.
  if (operation === "confirm" && current?.proposedBy === actor.userId) return { allowed: false, reason: "ownProposal" };
  return { allowed: true, to: step.to };
}

/** The steps this actor may take next, in the order a page offers them. */
export function nextOperations(current: IdentificationState, actor: Actor): IdentificationOperation[] {
  return IDENTIFICATION_OPERATIONS.filter((operation) => decide(operation, current, actor).allowed);
}

/** missing_persons.status as the person's active identification (or none) implies it. */
export function personStatusFor(activeStatus: IdentificationStatus | null): PersonStatusFromIdentification {
  if (activeStatus === "remains_returned") return "remains_returned";
  if (activeStatus === "confirmed" || activeStatus === "family_notified") return "identified";
  return "missing";
}

/** A body has no status column: it is what its active identification (or none) says. */
export function bodyStatusFor(activeStatus: IdentificationStatus | null): BodyStatus {
  if (activeStatus === null || !isActive(activeStatus)) return "unidentified";
  if (activeStatus === "proposed") return "proposed";
  return activeStatus === "remains_returned" ? "returned" : "identified";
}
