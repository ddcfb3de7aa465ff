import { buildAmPmRecords } from "./generate-am-pm";
import { buildDemoDna } from "./generate-dna";
import { buildDonors } from "./generate-donors";
import { buildPersonalEffects } from "./generate-effects";
import { buildFamilies, type FamilyWithMembers } from "./generate-families";
import { alignRecordsWithPlan, buildIdentifications, resolveIdentificationPlan } from "./generate-identifications";
import { buildCustodyEvents } from "./generate-custody";
import { buildPoliceReports } from "./generate-reports";
import { buildGraveSites, buildRemains } from "./generate-sites";
import { buildReferenceSamples, buildRemainsSamples } from "./generate-samples";
import { UNSAMPLED_FAMILY_INDEXES } from "./identification-plan";
import { createRandom, DEMO_RANDOM_SEED } from "./random";
import type { DemoCounts, DemoDataset } from "./types";
import { buildDemoStaff } from "./users";

function familyIdsAt(families: readonly FamilyWithMembers[], indexes: readonly number[]): Set<string> {
  return new Set(indexes.flatMap((index) => families[index]?.family.id ?? []));
}

/**
 * The whole demonstration as plain rows, the same on every run. Pure: no database, no clock; the
 * password hash comes in because it is salted and slow.
 */
export function generateDemoDataset(passwordHash: string): DemoDataset {
  const random = createRandom(DEMO_RANDOM_SEED);
  const staff = buildDemoStaff(random, passwordHash);
  const graveSites = buildGraveSites(random);
  const remains = buildRemains(random, graveSites);
  const families = buildFamilies(random);
  const plans = resolveIdentificationPlan(remains, families);
  alignRecordsWithPlan(plans);
  const donorsByFamily = families.map((family) => buildDonors(random, family));
  const referenceDonors = donorsByFamily.flatMap((entry) => entry.donors);
  // A rejection on DNA grounds needs profiles as much as a DNA identification does.
  const dnaPlans = plans.filter((plan) => plan.spec.basis.includes("dna") || plan.spec.status === "rejected");
  const referenceSamples = buildReferenceSamples(random, referenceDonors, {
    unsampledFamilyIds: familyIdsAt(families, UNSAMPLED_FAMILY_INDEXES),
    profiledFamilyIds: new Set(dnaPlans.map((plan) => plan.family.id)),
  }, staff);
  const remainsSamples = buildRemainsSamples(random, remains, new Set(dnaPlans.map((plan) => plan.remains.id)), staff);
  const dnaSamples = [...referenceSamples, ...remainsSamples];
  const identifications = buildIdentifications(random, plans, staff);
  const dataset: DemoDataset = {
    users: Object.values(staff),
    graveSites,
    remains,
    personalEffects: buildPersonalEffects(random, remains, plans),
    families: families.map((entry) => entry.family),
    missingPersons: families.flatMap((entry) => entry.missingPersons),
    referenceDonors,
    donorRelationships: donorsByFamily.flatMap((entry) => entry.relationships),
    dnaSamples,
    ...buildDemoDna({ families, donorsByFamily, plans, referenceSamples, remainsSamples }),
    ...buildPoliceReports(random, families),
    identifications,
    custodyEvents: buildCustodyEvents(random, { sites: graveSites, remains, samples: dnaSamples, identifications }, staff),
    antemortemRecords: [],
    postmortemRecords: [],
  };
  // Every ratio the demo cites rests on its one frequency table, as a proposal made in the app would.
  const frequencyTableId = dataset.alleleFrequencyTables[0]?.id ?? null;
  const amPm = buildAmPmRecords(dataset);
  return { ...dataset, ...amPm, identifications: identifications.map((row) => (row.likelihoodRatio === null ? row : { ...row, frequencyTableId })) };
}

export function countDataset(dataset: DemoDataset): DemoCounts {
  const entries = Object.entries(dataset).map(([table, rows]: [string, unknown[]]) => [table, rows.length]);
  return Object.fromEntries(entries) as DemoCounts;
}
