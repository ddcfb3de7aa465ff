import "server-only";
import { and, eq, inArray, or } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { identifications, missingPersons, remains } from "@/db/schema";
import { loadActiveFrequencyTable } from "@/lib/dna-profiles/frequency-store";
import { pairLikelihoodRatioBasis } from "@/lib/dna-profiles/pair-basis";
import { DEFAULT_MUTATION_RATE } from "@/lib/dna-profiles/screening";
import { DEFAULT_THETA } from "@/lib/kinship/types";
import { isUniqueViolation } from "@/db/unique-violation";
import type { ActionContext } from "@/lib/actions/define-action";
import { findMismatches, mismatchMessageKey } from "./fit";
import { syncPersonStatus } from "./person-status";
import { refuseField, refuseUnlessAllowed } from "./refusals";
import { likelihoodRatioValue } from "./likelihood-ratio";
import { hasAnalysedReferenceProfile } from "./reference-profile";
import type { ProposeIdentificationValues } from "./schemas";
import { ACTIVE_STATUSES, decide } from "./state-machine";
import { auditSnapshot } from "@/lib/audit/snapshot";

export const IDENTIFICATION_ENTITY = "identification";

/** Person records that can still be identified: not merged away, not found alive, not voided. */
const IDENTIFIABLE_PERSON_STATUSES = ["missing", "identified", "remains_returned"];

async function loadSides(tx: Transaction, input: ProposeIdentificationValues) {
  // Codes are printed in capitals; one typed in small letters still finds its body.
  const codes = [input.remainsCode, input.remainsCode.toUpperCase()];
  const [body] = await tx.select().from(remains).where(inArray(remains.code, codes));
  if (!body || body.voidedAt) refuseField("remainsCode", "Identifications.remainsUnknown");
  const [person] = await tx.select().from(missingPersons).where(eq(missingPersons.id, input.missingPersonId));
  if (!person || person.voidedAt || !IDENTIFIABLE_PERSON_STATUSES.includes(person.status)) {
    refuseField("missingPersonId", "Identifications.personUnavailable");
  }
  return { body, person };
}

/** Refuses a side that another identification already holds, naming which side on its own field. */
async function refuseHeldSides(tx: Transaction, remainsId: string, missingPersonId: string) {
  const held = await tx
    .select({ remainsId: identifications.remainsId, missingPersonId: identifications.missingPersonId })
    .from(identifications)
    .where(
      and(
        inArray(identifications.status, [...ACTIVE_STATUSES]),
        or(eq(identifications.remainsId, remainsId), eq(identifications.missingPersonId, missingPersonId)),
      ),
    );
  if (held.some((row) => row.remainsId === remainsId)) refuseField("remainsCode", "Identifications.remainsHeld");
  if (held.length > 0) refuseField("missingPersonId", "Identifications.personHeld");
}

/** Two proposals saved at the same moment: the database's unique index refuses the second. */
async function insertingOnce<Result>(write: Promise<Result>): Promise<Result> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) refuseField("remainsCode", "Identifications.sideTakenMeanwhile");
    throw error;
  }
}

/**
 * What DNA evidence rests on: the ratio read by the form's locale, the frequency table in force, and
 * the reason given when no analysed reference profile is on record for the person (else refused).
 */
async function dnaEvidence(tx: Transaction, input: ProposeIdentificationValues, remainsId: string, missingPersonId: string) {
  if (!input.basis.includes("dna")) return { likelihoodRatio: null, frequencyTableId: null, lrBasis: null, dnaOverrideReason: null };
  const profiled = await hasAnalysedReferenceProfile(tx, missingPersonId);
  if (!profiled && !input.dnaProfileOverride) refuseField("dnaProfileOverride", "Identifications.referenceProfileMissing");
  const active = await loadActiveFrequencyTable(tx);
  // The registry's own exact ratio for the pair, at the application's θ and mutation model, stated beside the typed one.
  const lrBasis = await pairLikelihoodRatioBasis(tx, remainsId, missingPersonId, { theta: DEFAULT_THETA, mutationRate: DEFAULT_MUTATION_RATE });
  return {
    likelihoodRatio: likelihoodRatioValue(input.likelihoodRatio, input.locale),
    frequencyTableId: active?.info.id ?? null,
    lrBasis,
    dnaOverrideReason: profiled ? null : input.dnaOverrideReason,
  };
}

export async function proposeIdentificationRecord({ input, tx, session, audit }: ActionContext<ProposeIdentificationValues>) {
  refuseUnlessAllowed(decide("propose", null, session));
  const { body, person } = await loadSides(tx, input);
  await refuseHeldSides(tx, body.id, person.id);
  const mismatches = findMismatches(body, person);
  if (mismatches.length > 0 && !input.acknowledgeMismatch) refuseField("acknowledgeMismatch", mismatchMessageKey(mismatches));
  const dna = await dnaEvidence(tx, input, body.id, person.id);
  const [created] = await insertingOnce(
    tx
      .insert(identifications)
      .values({
        remainsId: body.id,
        missingPersonId: person.id,
        basis: input.basis,
        ...dna,
        evidenceSummary: input.evidenceSummary,
        proposedBy: session.userId,
      })
      .returning(),
  );
  if (!created) throw new Error("the identification was not inserted");
  const personStatus = await syncPersonStatus(tx, person.id, created.status);
  await audit({
    action: "identification.propose",
    entity: IDENTIFICATION_ENTITY,
    entityId: created.id,
    after: { ...auditSnapshot("identification", created), remainsCode: body.code, caseNumber: person.caseNumber, mismatchesAcknowledged: mismatches, personStatus },
  });
  return { identificationId: created.id };
}
