import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { defineRead } from "@/lib/auth/read-access";
import { BODY_RELATIONS, relatedBodies, type BodyRelation } from "@/lib/kinship/dvi/body-to-body";
import { DEFAULT_BODY_LIST_FROM, DEFAULT_EXCLUSION_LOCI } from "@/lib/kinship/dvi/types";
import { mutationModelFor, tableData } from "@/lib/kinship/likelihood";
import { DEFAULT_MIN_FREQUENCY, DEFAULT_THETA } from "@/lib/kinship/types";
import { loadActiveFrequencyTable } from "./frequency-store";
import { DEFAULT_MUTATION_RATE } from "./screening";
import { remainsProfiles } from "./screening-data";

export interface RelatedBody {
  remainsId: string;
  code: string;
  lociCompared: number;
  strongest: BodyRelation;
  /** log10 LR of each relation against unrelated; null when the relation is excluded (LR 0). */
  log10Lr: Record<BodyRelation, number | null>;
}

export interface RelatedBodies {
  theta: number;
  mutationRate: number;
  listFrom: number;
  frequencyTable: { name: string; sha256: string };
  /** Bodies with a DNA profile the body was compared with. */
  compared: number;
  related: RelatedBody[];
}

/**
 * Commingled remains (issue #22, point 5): this body's profile against every other profiled body,
 * as the same person, parent and child, or full siblings, exact under the screen's default θ and
 * mutation model. The anthropological sex estimate is not used: it is an estimate, not a typing.
 * Null when the body has no profile or no frequency table is in force.
 */
async function relatedBodiesOfRemainsQuery(db: Executor, remainsId: string): Promise<RelatedBodies | null> {
  if (!z.uuid().safeParse(remainsId).success) return null;
  const [active, bodies] = await Promise.all([loadActiveFrequencyTable(db), remainsProfiles(db)]);
  const self = bodies.find((body) => body.id === remainsId);
  if (!active || !self) return null;
  const settings = { theta: DEFAULT_THETA, mutationRate: DEFAULT_MUTATION_RATE };
  const found = relatedBodies(bodies, tableData(active.table), {
    theta: settings.theta,
    mutation: mutationModelFor(settings),
    minFrequency: active.info.minFrequency || DEFAULT_MIN_FREQUENCY,
    listFrom: DEFAULT_BODY_LIST_FROM,
    exclusionLoci: DEFAULT_EXCLUSION_LOCI,
  }, new Set([remainsId]));
  const codes = new Map(bodies.map((body) => [body.id, body.code]));
  return {
    ...settings,
    listFrom: DEFAULT_BODY_LIST_FROM,
    frequencyTable: { name: active.info.name, sha256: active.info.sha256 },
    compared: bodies.length - 1,
    related: found.map((pair) => {
      const other = pair.a === remainsId ? pair.b : pair.a;
      const log10Lr = Object.fromEntries(
        BODY_RELATIONS.map((relation) => {
          const result = pair.relations[relation];
          return [relation, result.lr > 0 && result.inconsistentLoci.length < DEFAULT_EXCLUSION_LOCI ? result.log10Lr : null];
        }),
      ) as Record<BodyRelation, number | null>;
      return { remainsId: other, code: codes.get(other) ?? "", lociCompared: pair.lociCompared, strongest: pair.strongest, log10Lr };
    }),
  };
}

/** It reads STR profiles: forensic staff only. */
export const readRelatedBodies = defineRead("dnaProfiles.use", relatedBodiesOfRemainsQuery);
