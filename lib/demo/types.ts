import type {
  alleleFrequencies,
  antemortemRecords,
  postmortemRecords,
  alleleFrequencyTables,
  custodyEvents,
  dnaSamples,
  donorRelationships,
  families,
  graveSites,
  identifications,
  missingPersons,
  personalEffects,
  policeReportPersons,
  policeReports,
  referenceDonors,
  remains,
  strProfiles,
  users,
} from "@/db/schema";

/** Rows carry their ids from the generator, so relations are wired before anything is inserted. */
type WithId<Row> = Row & { id: string };

export type UserRow = WithId<typeof users.$inferInsert>;
export type GraveSiteRow = WithId<typeof graveSites.$inferInsert>;
export type RemainsRow = WithId<typeof remains.$inferInsert> & { recoveredOn: string };
export type PersonalEffectRow = WithId<typeof personalEffects.$inferInsert>;
export type FamilyRow = WithId<typeof families.$inferInsert>;
export type MissingPersonRow = WithId<typeof missingPersons.$inferInsert> & { familyId: string };
export type ReferenceDonorRow = WithId<typeof referenceDonors.$inferInsert>;
export type DonorRelationshipRow = WithId<typeof donorRelationships.$inferInsert>;
export type DnaSampleRow = WithId<typeof dnaSamples.$inferInsert>;
export type PoliceReportRow = WithId<typeof policeReports.$inferInsert>;
export type PoliceReportPersonRow = typeof policeReportPersons.$inferInsert;
export type IdentificationRow = WithId<typeof identifications.$inferInsert>;
export type CustodyEventRow = WithId<typeof custodyEvents.$inferInsert>;
export type AlleleFrequencyTableRow = WithId<typeof alleleFrequencyTables.$inferInsert>;
export type AlleleFrequencyRow = WithId<typeof alleleFrequencies.$inferInsert>;
export type StrProfileRow = WithId<typeof strProfiles.$inferInsert>;
export type AntemortemRecordRow = WithId<typeof antemortemRecords.$inferInsert>;
export type PostmortemRecordRow = WithId<typeof postmortemRecords.$inferInsert>;

/** Every row of the demonstration, in plain objects, in the order they must be inserted. */
export interface DemoDataset {
  users: UserRow[];
  graveSites: GraveSiteRow[];
  remains: RemainsRow[];
  personalEffects: PersonalEffectRow[];
  families: FamilyRow[];
  missingPersons: MissingPersonRow[];
  referenceDonors: ReferenceDonorRow[];
  donorRelationships: DonorRelationshipRow[];
  dnaSamples: DnaSampleRow[];
  /** The synthetic demo frequency table and simulated STR profiles (lib/demo/generate-dna.ts). */
  alleleFrequencyTables: AlleleFrequencyTableRow[];
  alleleFrequencies: AlleleFrequencyRow[];
  strProfiles: StrProfileRow[];
  policeReports: PoliceReportRow[];
  policeReportPersons: PoliceReportPersonRow[];
  identifications: IdentificationRow[];
  custodyEvents: CustodyEventRow[];
  /** Synthetic AM/PM records, one pair ranked first by the comparison (lib/demo/generate-am-pm.ts). */
  antemortemRecords: AntemortemRecordRow[];
  postmortemRecords: PostmortemRecordRow[];
}

export type DemoCounts = { [Table in keyof DemoDataset]: number };

/** The demo's staff, by the part each plays in the story. */
export interface DemoStaff {
  admin: UserRow;
  registrar: UserRow;
  forensic: UserRow;
  secondForensic: UserRow;
  viewer: UserRow;
}
