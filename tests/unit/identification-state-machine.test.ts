import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/auth/permissions";
import {
  bodyStatusFor,
  decide,
  IDENTIFICATION_OPERATIONS,
  isActive,
  personStatusFor,
  STEPS,
  TERMINAL_STATUSES,
  type Actor,
  type IdentificationOperation,
  type IdentificationStatus,
} from "@/lib/identifications/state-machine";

/**
 * A registry in memory that takes every step only when the state machine allows it and the sides
 * are free, the way the actions do in a transaction; the properties check it can never reach a
 * state the workflow forbids, whatever sequence of operations random users attempt.
 */
interface Identification {
  body: number;
  person: number;
  status: IdentificationStatus;
  proposedBy: string;
  confirmedBy: string | null;
  history: IdentificationStatus[];
}

interface Registry {
  identifications: Identification[];
  personStatus: string[];
}

const BODIES = 3;
const PERSONS = 3;
const USERS: Actor[] = [
  ...ROLES.map((role, index) => ({ userId: `user-${index}`, role })),
  { userId: "forensic-b", role: "forensic" as Role },
  { userId: "forensic-c", role: "forensic" as Role },
];

const attempt = fc.record({
  operation: fc.constantFrom(...IDENTIFICATION_OPERATIONS),
  actor: fc.constantFrom(...USERS),
  body: fc.nat({ max: BODIES - 1 }),
  person: fc.nat({ max: PERSONS - 1 }),
  target: fc.nat({ max: 20 }),
});

type Attempt = { operation: IdentificationOperation; actor: Actor; body: number; person: number; target: number };

const activeOf = (registry: Registry, side: "body" | "person", index: number) =>
  registry.identifications.filter((identification) => identification[side] === index && isActive(identification.status));

function apply(registry: Registry, { operation, actor, body, person, target }: Attempt): void {
  if (operation === "propose") {
    if (!decide("propose", null, actor).allowed) return;
    if (activeOf(registry, "body", body).length > 0 || activeOf(registry, "person", person).length > 0) return;
    registry.identifications.push({ body, person, status: "proposed", proposedBy: actor.userId, confirmedBy: null, history: ["proposed"] });
  } else {
    const identification = registry.identifications[target % Math.max(1, registry.identifications.length)];
    if (!identification) return;
    const decision = decide(operation, identification, actor);
    if (!decision.allowed) return;
    identification.status = decision.to;
    identification.history.push(decision.to);
    if (operation === "confirm") identification.confirmedBy = actor.userId;
  }
  const touched = operation === "propose" ? person : registry.identifications[target % registry.identifications.length]?.person;
  if (touched !== undefined) registry.personStatus[touched] = personStatusFor(activeOf(registry, "person", touched)[0]?.status ?? null);
}

const ALLOWED_MOVES = new Set(
  Object.values(STEPS).flatMap((step) => (step.from ?? []).map((from) => `${from}→${step.to}`)),
);

function checkInvariants(registry: Registry): void {
  for (let index = 0; index < BODIES; index += 1) {
    const active = activeOf(registry, "body", index);
    expect(active.length).toBeLessThanOrEqual(1);
    expect(["unidentified", "proposed", "identified", "returned"]).toContain(bodyStatusFor(active[0]?.status ?? null));
  }
  for (let index = 0; index < PERSONS; index += 1) {
    const active = activeOf(registry, "person", index);
    expect(active.length).toBeLessThanOrEqual(1);
    expect(registry.personStatus[index]).toBe(personStatusFor(active[0]?.status ?? null));
  }
  for (const identification of registry.identifications) {
    if (identification.confirmedBy !== null) expect(identification.confirmedBy).not.toBe(identification.proposedBy);
    identification.history.slice(1).forEach((status, step) => {
      expect(ALLOWED_MOVES.has(`${identification.history[step]}→${status}`)).toBe(true);
    });
    const terminalAt = identification.history.findIndex((status) => (TERMINAL_STATUSES as readonly string[]).includes(status));
    if (terminalAt >= 0) expect(identification.history.length).toBe(terminalAt + 1);
  }
}

describe("the identification state machine", () => {
  it("never reaches a forbidden state, whatever random users attempt in whatever order", () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 60 }), (attempts) => {
        const registry: Registry = { identifications: [], personStatus: Array.from({ length: PERSONS }, () => "missing") };
        for (const entry of attempts) {
          apply(registry, entry);
          checkInvariants(registry);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reaches every status along some sequence, so the properties are not vacuous", () => {
    const reached = new Set<IdentificationStatus>();
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 60 }), (attempts) => {
        const registry: Registry = { identifications: [], personStatus: Array.from({ length: PERSONS }, () => "missing") };
        for (const entry of attempts) apply(registry, entry);
        for (const identification of registry.identifications) identification.history.forEach((status) => reached.add(status));
      }),
      // A fixed seed: this test is about the generator's reach, and must not pass or fail by chance.
      { numRuns: 1000, seed: 20260311 },
    );
    expect([...reached].sort()).toEqual(["confirmed", "family_notified", "proposed", "rejected", "remains_returned", "retracted"]);
  });

  it("lets only a second forensic examiner confirm, never the proposer", () => {
    const proposal = { status: "proposed" as const, proposedBy: "forensic-a" };
    expect(decide("confirm", proposal, { userId: "forensic-a", role: "forensic" })).toEqual({ allowed: false, reason: "ownProposal" });
    expect(decide("confirm", proposal, { userId: "forensic-b", role: "forensic" })).toEqual({ allowed: true, to: "confirmed" });
    expect(decide("confirm", proposal, { userId: "registrar", role: "registrar" })).toEqual({ allowed: false, reason: "role" });
  });

  it("gives the roles of the design: registrars notify, admins retract, nobody but forensic proposes", () => {
    const confirmed = { status: "confirmed" as const, proposedBy: "forensic-a" };
    expect(decide("recordNotification", confirmed, { userId: "r", role: "registrar" }).allowed).toBe(true);
    expect(decide("retract", confirmed, { userId: "a", role: "admin" }).allowed).toBe(true);
    expect(decide("retract", confirmed, { userId: "r", role: "registrar" }).allowed).toBe(false);
    for (const role of ["admin", "registrar", "viewer"] as const) expect(decide("propose", null, { userId: "x", role }).allowed).toBe(false);
    expect(decide("recordNotification", confirmed, { userId: "v", role: "viewer" }).allowed).toBe(false);
  });

  it("derives the person's and the body's status from the active identification", () => {
    expect([null, "proposed", "confirmed", "family_notified", "remains_returned", "rejected", "retracted"].map((status) => personStatusFor(status as IdentificationStatus | null))).toEqual(
      ["missing", "missing", "identified", "identified", "remains_returned", "missing", "missing"],
    );
    expect(bodyStatusFor("proposed")).toBe("proposed");
    expect(bodyStatusFor("family_notified")).toBe("identified");
    expect(bodyStatusFor("remains_returned")).toBe("returned");
    expect(bodyStatusFor("retracted")).toBe("unidentified");
  });
});
