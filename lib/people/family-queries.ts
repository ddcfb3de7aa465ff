import "server-only";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { dnaSamples, donorRelationships, families, missingPersons, referenceDonors } from "@/db/schema";
import type { Role } from "@/lib/auth/permissions";
import { contactDetail } from "./contact-details";
import { familyListColumns } from "./family-list";
import { personNameColumns } from "@/lib/people/person-columns";
import { assertReadAccess, type ReadAccess } from "@/lib/auth/read-access";

export function listFamilies(db: Executor, role: Role, limit = 100) {
  return db.select(familyListColumns(role)).from(families).where(isNull(families.voidedAt)).orderBy(desc(families.reference)).limit(limit);
}

async function familyRow(db: Executor, familyId: string, role: Role) {
  const [family] = await db
    .select({
      id: families.id,
      reference: families.reference,
      contactName: families.contactName,
      phone: contactDetail(role, families.phone),
      area: contactDetail(role, families.area),
      version: families.version,
      voidedAt: families.voidedAt,
      voidReason: families.voidReason,
    })
    .from(families)
    .where(eq(families.id, familyId));
  return family ?? null;
}

function familyMembers(db: Executor, familyId: string) {
  return db
    .select({
      ...personNameColumns,
      birthYear: missingPersons.birthYear,
      status: missingPersons.status,
    })
    .from(missingPersons)
    .where(and(eq(missingPersons.familyId, familyId), isNull(missingPersons.mergedIntoId), isNull(missingPersons.voidedAt)))
    .orderBy(asc(missingPersons.caseNumber));
}

async function familyDonors(db: Executor, familyId: string, role: Role) {
  const donors = await db
    .select({
      id: referenceDonors.id,
      givenName: referenceDonors.givenName,
      fatherName: referenceDonors.fatherName,
      familyName: referenceDonors.familyName,
      sex: referenceDonors.sex,
      phone: contactDetail(role, referenceDonors.phone),
    })
    .from(referenceDonors)
    .where(and(eq(referenceDonors.familyId, familyId), isNull(referenceDonors.voidedAt)))
    .orderBy(asc(referenceDonors.createdAt));
  const donorIds = donors.map((donor) => donor.id);
  if (donorIds.length === 0) return [];
  const [relationships, samples] = await Promise.all([
    db
      .select({ donorId: donorRelationships.donorId, missingPersonId: donorRelationships.missingPersonId, relationship: donorRelationships.relationship, side: donorRelationships.side, caseNumber: missingPersons.caseNumber, givenName: missingPersons.givenName })
      .from(donorRelationships)
      .innerJoin(missingPersons, eq(missingPersons.id, donorRelationships.missingPersonId))
      .where(inArray(donorRelationships.donorId, donorIds)),
    db
      .select({ id: dnaSamples.id, donorId: dnaSamples.donorId, barcode: dnaSamples.barcode, collectedOn: dnaSamples.collectedOn, labStatus: dnaSamples.labStatus, version: dnaSamples.version })
      .from(dnaSamples)
      .where(and(inArray(dnaSamples.donorId, donorIds), isNull(dnaSamples.voidedAt)))
      .orderBy(asc(dnaSamples.collectedOn)),
  ]);
  return donors.map((donor) => ({
    ...donor,
    relationships: relationships.filter((row) => row.donorId === donor.id),
    samples: samples.filter((sample) => sample.donorId === donor.id),
  }));
}

/** A family with its missing persons, donors, their relations and samples; contact details as the role may see them. */
export async function getFamilyDetails(access: ReadAccess<"people.read">, db: Executor, familyId: string) {
  assertReadAccess(access, "people.read");
  // Contact details follow the session's role, never a role the caller names.
  return familyDetailsQuery(db, familyId, access.session.role);
}

async function familyDetailsQuery(db: Executor, familyId: string, role: Role) {
  if (!z.uuid().safeParse(familyId).success) return null;
  const family = await familyRow(db, familyId, role);
  if (!family) return null;
  const [members, donors] = await Promise.all([familyMembers(db, familyId), familyDonors(db, familyId, role)]);
  return { ...family, members, donors };
}

export type FamilyDetails = NonNullable<Awaited<ReturnType<typeof familyDetailsQuery>>>;
