import "server-only";
import type { Transaction } from "@/db/client";
import {
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
import type { DemoDataset } from "./types";

/** Small enough to stay far below PostgreSQL's 65,535 bind parameters for the widest table. */
const CHUNK_SIZE = 500;

async function inChunks<Row>(rows: readonly Row[], write: (chunk: Row[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    await write(rows.slice(start, start + CHUNK_SIZE));
  }
}

/** Parents before children, so every foreign key finds its row. */
export async function insertDemoDataset(tx: Transaction, dataset: DemoDataset): Promise<void> {
  await inChunks(dataset.users, (chunk) => tx.insert(users).values(chunk));
  await inChunks(dataset.graveSites, (chunk) => tx.insert(graveSites).values(chunk));
  await inChunks(dataset.remains, (chunk) => tx.insert(remains).values(chunk));
  await inChunks(dataset.personalEffects, (chunk) => tx.insert(personalEffects).values(chunk));
  await inChunks(dataset.families, (chunk) => tx.insert(families).values(chunk));
  await inChunks(dataset.missingPersons, (chunk) => tx.insert(missingPersons).values(chunk));
  await inChunks(dataset.referenceDonors, (chunk) => tx.insert(referenceDonors).values(chunk));
  await inChunks(dataset.donorRelationships, (chunk) => tx.insert(donorRelationships).values(chunk));
  await inChunks(dataset.dnaSamples, (chunk) => tx.insert(dnaSamples).values(chunk));
  await inChunks(dataset.alleleFrequencyTables, (chunk) => tx.insert(alleleFrequencyTables).values(chunk));
  await inChunks(dataset.alleleFrequencies, (chunk) => tx.insert(alleleFrequencies).values(chunk));
  await inChunks(dataset.strProfiles, (chunk) => tx.insert(strProfiles).values(chunk));
  await inChunks(dataset.policeReports, (chunk) => tx.insert(policeReports).values(chunk));
  await inChunks(dataset.policeReportPersons, (chunk) => tx.insert(policeReportPersons).values(chunk));
  await inChunks(dataset.identifications, (chunk) => tx.insert(identifications).values(chunk));
  await inChunks(dataset.custodyEvents, (chunk) => tx.insert(custodyEvents).values(chunk));
  await inChunks(dataset.antemortemRecords, (chunk) => tx.insert(antemortemRecords).values(chunk));
  await inChunks(dataset.postmortemRecords, (chunk) => tx.insert(postmortemRecords).values(chunk));
}
