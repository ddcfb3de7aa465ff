import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import {
  dnaSamples,
  donorRelationships,
  families,
  graveSites,
  identifications,
  missingPersons,
  referenceDonors,
  remains,
  strProfiles,
  users,
} from "@/db/schema";

/** Small rows with unique codes, so tests sharing one database never collide. */
export const uniqueSuffix = () => randomUUID().slice(0, 8);

async function first<Row>(rows: Promise<Row[]>): Promise<Row> {
  const [row] = await rows;
  if (!row) throw new Error("insert returned no row");
  return row;
}

export function createUser(db: Executor, role: "admin" | "registrar" | "forensic" | "viewer" = "forensic") {
  const username = `${role}-${uniqueSuffix()}`;
  return first(db.insert(users).values({ username, displayName: username, passwordHash: "not-a-hash", role }).returning());
}

export function createGraveSite(db: Executor) {
  return first(
    db
      .insert(graveSites)
      .values({ code: `TST-GS-${uniqueSuffix()}`, nameAr: "موقع اختبار", nameEn: "Test site", latitude: 32.43, longitude: 13.63, discoveredOn: "2021-01-01" })
      .returning(),
  );
}

export async function createRemains(db: Executor, code = `TST-B-${uniqueSuffix()}`) {
  const site = await createGraveSite(db);
  return first(db.insert(remains).values({ siteId: site.id, code, recoveredOn: "2021-02-01", condition: "partial" }).returning());
}

export function createFamily(db: Executor) {
  return first(db.insert(families).values({ reference: `TST-F-${uniqueSuffix()}`, contactName: "جهة اتصال" }).returning());
}

export async function createMissingPerson(db: Executor) {
  const family = await createFamily(db);
  return first(
    db
      .insert(missingPersons)
      .values({ caseNumber: `TST-MP-${uniqueSuffix()}`, familyId: family.id, givenName: "أحمد", nameSearch: "احمد" })
      .returning(),
  );
}

export async function createDonor(db: Executor) {
  const family = await createFamily(db);
  return first(
    db.insert(referenceDonors).values({ familyId: family.id, givenName: "عائشة", nameSearch: "عايشه", sex: "female" }).returning(),
  );
}

export function referenceSampleValues(donorId: string, barcode = `TST-DNA-${uniqueSuffix()}`) {
  return {
    barcode,
    kind: "reference" as const,
    donorId,
    collectedOn: "2022-03-01",
    collectedByName: "مسجّل",
    consentGiven: true,
    consentScope: "identification_only" as const,
    consentDate: "2022-03-01",
  };
}

export function createReferenceSample(db: Executor, donorId: string, barcode?: string) {
  return first(db.insert(dnaSamples).values(referenceSampleValues(donorId, barcode)).returning());
}

export function proposeIdentification(
  db: Executor,
  values: { remainsId: string; missingPersonId: string; proposedBy: string },
) {
  return first(
    db
      .insert(identifications)
      .values({ ...values, basis: ["dna"], likelihoodRatio: 1e9, evidenceSummary: "اختبار" })
      .returning(),
  );
}

/**
 * A mother registered as the person's reference, with a sample the laboratory reports profiled.
 * `calls: false` leaves the profile's calls unstored (a lab status with nothing behind it).
 */
export async function createProfiledReference(db: Executor, missingPersonId: string, options: { calls?: boolean; labStatus?: "received" | "profiled" } = {}) {
  const donor = await createDonor(db);
  await db.insert(donorRelationships).values({ donorId: donor.id, missingPersonId, relationship: "mother" });
  const labStatus = options.labStatus ?? "profiled";
  const sample = await first(
    db
      .insert(dnaSamples)
      .values({ ...referenceSampleValues(donor.id), labStatus, receivedOn: "2022-04-01", profiledOn: labStatus === "profiled" ? "2022-05-01" : null })
      .returning(),
  );
  if (options.calls !== false) await db.insert(strProfiles).values({ sampleId: sample.id, locus: "TH01", allele1: "6", allele2: "9.3" });
  return { donor, sample };
}
