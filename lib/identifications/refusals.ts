import { ActionRefusal } from "@/lib/actions/result";
import type { Decision } from "./state-machine";

const DECISION_MESSAGES = {
  role: "Identifications.roleNotAllowed",
  ownProposal: "Identifications.ownProposal",
  status: "Identifications.notAllowedNow",
} as const;

/** Turns the state machine's "no" into the refusal the form shows. */
export function refuseUnlessAllowed(decision: Decision): asserts decision is Extract<Decision, { allowed: true }> {
  if (!decision.allowed) throw new ActionRefusal("refused", DECISION_MESSAGES[decision.reason]);
}

export function refuseField(field: string, messageKey: string): never {
  throw new ActionRefusal("invalid", "Actions.invalid", { [field]: messageKey });
}
