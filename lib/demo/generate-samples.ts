import { addDays } from "./dates";
import { REFERENCE_LAB_STATUSES, collectionDateFor, labTimeline, type LabStatus } from "./lab-timeline";
import type { Random } from "./random";
import type { DemoStaff, DnaSampleRow, ReferenceDonorRow, RemainsRow } from "./types";

const barcode = (prefix: "R" | "B", sequence: number) => `TRH-DNA-${prefix}-${String(sequence).padStart(6, "0")}`;

export interface ReferenceSamplePlan {
  /** Families that give no sample yet: their donors are registered, the appointment is pending. */
  unsampledFamilyIds: ReadonlySet<string>;
  /** Families whose first donor's profile an identification relies on. */
  profiledFamilyIds: ReadonlySet<string>;
}

function referenceSample(random: Random, donor: ReferenceDonorRow, status: LabStatus, sequence: number, staff: DemoStaff): DnaSampleRow {
  const collectedOn = collectionDateFor(random, status);
  return {
    id: random.uuid(),
    barcode: barcode("R", sequence),
    kind: "reference",
    donorId: donor.id,
    collectedOn,
    collectedByName: staff.registrar.displayName,
    collectedByUserId: staff.registrar.id,
    consentGiven: true,
    consentScope: random.chance(0.8) ? "identification_only" : "identification_and_research",
    consentDate: collectedOn,
    consentFormRef: `TRH-CF-${String(sequence).padStart(6, "0")}`,
    ...labTimeline(random, collectedOn, status),
  };
}

export function buildReferenceSamples(
  random: Random,
  donors: readonly ReferenceDonorRow[],
  plan: ReferenceSamplePlan,
  staff: DemoStaff,
): DnaSampleRow[] {
  const samples: DnaSampleRow[] = [];
  const sampledFamilies = new Set<string>();
  for (const donor of donors) {
    if (plan.unsampledFamilyIds.has(donor.familyId)) continue;
    const firstOfFamily = !sampledFamilies.has(donor.familyId);
    if (!firstOfFamily && !random.chance(0.85)) continue;
    sampledFamilies.add(donor.familyId);
    const forced = firstOfFamily && plan.profiledFamilyIds.has(donor.familyId);
    const status: LabStatus = forced ? "profiled" : random.weighted(REFERENCE_LAB_STATUSES);
    samples.push(referenceSample(random, donor, status, samples.length + 1, staff));
  }
  return samples;
}

/** Bodies recovered before 2023 have long been through the laboratory. */
function remainsLabStatus(random: Random, collectedOn: string): LabStatus {
  if (collectedOn < "2023-01-01") return random.weighted([["profiled", 80], ["failed", 12], ["received", 8]] as const);
  return random.weighted([["profiled", 30], ["received", 30], ["shipped", 25], ["collected", 15]] as const);
}

export function buildRemainsSamples(
  random: Random,
  remains: readonly RemainsRow[],
  profiledRemainsIds: ReadonlySet<string>,
  staff: DemoStaff,
): DnaSampleRow[] {
  const samples: DnaSampleRow[] = [];
  for (const body of remains) {
    const forced = profiledRemainsIds.has(body.id);
    if (!forced && !random.chance(0.88)) continue;
    const collectedOn = addDays(body.recoveredOn, random.int(1, 20));
    const collector = random.chance(0.5) ? staff.forensic : staff.secondForensic;
    samples.push({
      id: random.uuid(),
      barcode: barcode("B", samples.length + 1),
      kind: "remains",
      remainsId: body.id,
      collectedOn,
      collectedByName: collector.displayName,
      collectedByUserId: collector.id,
      ...labTimeline(random, collectedOn, forced ? "profiled" : remainsLabStatus(random, collectedOn)),
    });
  }
  return samples;
}
