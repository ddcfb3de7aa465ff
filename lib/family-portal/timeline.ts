/** The steps a family sees for each missing relative, in the order they happen. */
export const TIMELINE_STEPS = ["reported", "sampleReceived", "analysed", "comparison", "identified", "returned"] as const;

export type TimelineStepKey = (typeof TIMELINE_STEPS)[number];
/** attention: something the family must act on (a failed sample); skipped: not needed after all. */
export type TimelineStepState = "done" | "current" | "pending" | "attention" | "skipped";

export interface TimelineStep {
  key: TimelineStepKey;
  state: TimelineStepState;
  /** ISO date (YYYY-MM-DD) when the step was reached, if it was. */
  date: string | null;
}

/** Identification statuses a family may learn of, or that make the office ask them to call. */
export type VisibleIdentificationStatus = "confirmed" | "family_notified" | "remains_returned";

export interface PersonFacts {
  registeredOn: string;
  samples: readonly { labStatus: "collected" | "shipped" | "received" | "profiled" | "failed"; collectedOn: string; profiledOn: string | null }[];
  identification: { status: VisibleIdentificationStatus; notifiedOn: string | null; returnedOn: string | null } | null;
}

/**
 * How far the identification has come, as the family may know it: "news" is a confirmed
 * identification the office has not yet told them in person — the portal says only that there is
 * news and asks them to visit; "informed" and "returned" follow the visit.
 */
export type IdentificationOutcome = "none" | "news" | "informed" | "returned";

export interface PersonTimeline {
  steps: TimelineStep[];
  /** True when the office should see the family in person before saying more. */
  contactOffice: boolean;
  outcome: IdentificationOutcome;
}

function outcomeOf(identification: PersonFacts["identification"]): IdentificationOutcome {
  if (!identification) return "none";
  if (identification.status === "confirmed") return "news";
  return identification.status === "remains_returned" ? "returned" : "informed";
}

/** The identification step: done once told in person; before that, a neutral call to the office. */
function identificationStep(identification: PersonFacts["identification"]): TimelineStep {
  const outcome = outcomeOf(identification);
  if (outcome === "news") return { key: "identified", state: "attention", date: null };
  if (outcome === "none") return { key: "identified", state: "pending", date: null };
  return { key: "identified", state: "done", date: identification?.notifiedOn ?? null };
}

function earliest(dates: readonly (string | null)[]): string | null {
  const known = dates.filter((date): date is string => date !== null).sort();
  return known[0] ?? null;
}

/**
 * A plain-language timeline from the facts. An identification is shown only once the family was
 * told in person (family_notified or later); a confirmed one not yet told shows only that there is
 * news, and asks the family to visit the office.
 */
export function buildTimeline(facts: PersonFacts): PersonTimeline {
  const { samples, identification } = facts;
  const notified = identification?.status === "family_notified" || identification?.status === "remains_returned";
  const profiled = samples.filter((sample) => sample.labStatus === "profiled");
  const allFailed = samples.length > 0 && samples.every((sample) => sample.labStatus === "failed");
  const unlessNotified = (state: TimelineStepState): TimelineStepState => (notified ? "skipped" : state);
  const steps: TimelineStep[] = [
    { key: "reported", state: "done", date: facts.registeredOn },
    samples.length > 0
      ? { key: "sampleReceived", state: "done", date: earliest(samples.map((sample) => sample.collectedOn)) }
      : { key: "sampleReceived", state: unlessNotified("current"), date: null },
    profiled.length > 0
      ? { key: "analysed", state: "done", date: earliest(profiled.map((sample) => sample.profiledOn)) }
      : { key: "analysed", state: unlessNotified(allFailed ? "attention" : samples.length > 0 ? "current" : "pending"), date: null },
    // A comparison is done only on a profile the laboratory produced; without one it did not happen.
    profiled.length > 0
      ? { key: "comparison", state: notified ? "done" : "current", date: null }
      : { key: "comparison", state: unlessNotified("pending"), date: null },
    identificationStep(identification),
    identification?.status === "remains_returned"
      ? { key: "returned", state: "done", date: identification.returnedOn }
      : { key: "returned", state: "pending", date: null },
  ];
  return { steps, contactOffice: allFailed || identification?.status === "confirmed", outcome: outcomeOf(identification) };
}
