import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { missingPersons } from "@/db/schema";
import { computeKinship } from "@/lib/kinship/likelihood";
import { DEFAULT_SCREEN_THRESHOLDS, screenProfiles } from "@/lib/kinship/screen";
import { DEFAULT_THETA, type Profile } from "@/lib/kinship/types";
import { loadActiveFrequencyTable, type FrequencyTableInfo } from "./frequency-store";
import { loadScreeningInput } from "./screening-data";
import { personNameColumns } from "@/lib/people/person-columns";

/** The screen's parameters as the leads page reads them from its query string. */
export const screenSettingsSchema = z.object({
  theta: z.coerce.number().min(0).max(0.25).catch(DEFAULT_THETA),
  mutationRate: z.coerce.number().min(0).max(0.1).catch(0),
  minLikelihoodRatio: z.coerce.number().min(1).catch(DEFAULT_SCREEN_THRESHOLDS.minLikelihoodRatio),
  minRatioToRunnerUp: z.coerce.number().min(1).catch(DEFAULT_SCREEN_THRESHOLDS.minRatioToRunnerUp),
});

export type ScreenParameters = z.output<typeof screenSettingsSchema>;

export interface ScreenPerson {
  id: string;
  caseNumber: string;
  name: string;
}

export interface ScreenRow {
  remainsId: string;
  remainsCode: string;
  best: ScreenPerson[];
  log10Lr: number | null;
  runnerUpLog10Lr: number | null;
  isLead: boolean;
  posterior: number | null;
  lociCompared: number;
  inconsistentLoci: string[];
}

export type ScreenOutcome =
  | { status: "noFrequencyTable" }
  | { status: "done"; frequencyTable: FrequencyTableInfo; rows: ScreenRow[]; candidates: number; missingPersonCount: number };

const fullName = (person: { givenName: string; fatherName: string; grandfatherName: string; familyName: string }) =>
  [person.givenName, person.fatherName, person.grandfatherName, person.familyName].filter(Boolean).join(" ");

/**
 * Screens every profiled body against every missing person with a typed reference, leads first.
 * Only forensic staff may see the outcome: it is read from STR profiles.
 */
export async function runKinshipScreen(db: Executor, parameters: ScreenParameters): Promise<ScreenOutcome> {
  const active = await loadActiveFrequencyTable(db);
  if (!active) return { status: "noFrequencyTable" };
  const input = await loadScreeningInput(db);
  const settings = { ...parameters, missingPersonCount: input.missingPersonCount };
  const rankings = screenProfiles(active.table, input.remains, input.candidates, settings);
  const personIds = [...new Set(rankings.flatMap((ranking) => ranking.best?.candidateIds ?? []))];
  const people = personIds.length === 0 ? [] : await db
    .select(personNameColumns)
    .from(missingPersons)
    .where(inArray(missingPersons.id, personIds));
  const byId = new Map(people.map((person) => [person.id, { id: person.id, caseNumber: person.caseNumber, name: fullName(person) }]));
  const remainsById = new Map(input.remains.map((body) => [body.id, body]));
  const candidatesById = new Map(input.candidates.map((candidate) => [candidate.id, candidate]));
  const rows = rankings.map((ranking): ScreenRow => {
    const body = remainsById.get(ranking.remainsId);
    const top = candidatesById.get(ranking.best?.candidateIds[0] ?? "");
    const detail = body && top ? computeKinship(active.table, restrictToTable(body.profile, active.table.locusNames()), top.references, parameters) : null;
    return {
      remainsId: ranking.remainsId,
      remainsCode: body?.code ?? "",
      best: (ranking.best?.candidateIds ?? []).flatMap((id) => byId.get(id) ?? []),
      log10Lr: finite(ranking.best?.log10Lr),
      runnerUpLog10Lr: finite(ranking.runnerUp?.log10Lr),
      isLead: ranking.isLead,
      posterior: ranking.posterior,
      lociCompared: detail ? Object.keys(detail.loci).length : 0,
      inconsistentLoci: detail?.inconsistentLoci ?? [],
    };
  });
  rows.sort(byLeadThenStrength);
  return { status: "done", frequencyTable: active.info, rows, candidates: input.candidates.length, missingPersonCount: input.missingPersonCount };
}

/** The screen compares the loci the frequency table covers; a stray locus (Amelogenin) is left out. */
function restrictToTable(profile: Profile, loci: readonly string[]): Profile {
  return Object.fromEntries(Object.entries(profile).filter(([locus]) => loci.includes(locus)));
}

const finite = (value: number | undefined): number | null => (value === undefined || !Number.isFinite(value) ? null : value);

function byLeadThenStrength(first: ScreenRow, second: ScreenRow): number {
  return Number(second.isLead) - Number(first.isLead) || (second.log10Lr ?? -Infinity) - (first.log10Lr ?? -Infinity) || first.remainsCode.localeCompare(second.remainsCode);
}
