import "server-only";
import { doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { families, missingPersons, referenceDonors } from "./people";

/** One run of the sampling refresh (npm run sampling:refresh): its progress, for the work list page. */
export const samplingRefreshRuns = pgTable("sampling_refresh_runs", {
  id: id(),
  /** "cli", or the username that started it. */
  startedBy: text("started_by").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  familiesTotal: integer("families_total").notNull().default(0),
  familiesDone: integer("families_done").notNull().default(0),
});

/**
 * A family's stored sampling advice (issue 22, point 6): the fingerprint of the inputs it was
 * computed from (pedigree, typed references, relatives not yet sampled, frequency table, settings
 * and seed). A row without a fingerprint is claimed but never computed. A refresh claims a family
 * for a while (claimed_by, claimed_until) so two app instances never compute the same one at once.
 */
export const familySamplingResults = pgTable(
  "family_sampling_results",
  {
    familyId: uuid("family_id")
      .primaryKey()
      .references(() => families.id),
    inputsSha256: text("inputs_sha256"),
    simulations: integer("simulations"),
    seed: integer("seed"),
    computedAt: timestamp("computed_at", { withTimezone: true }),
    runId: uuid("run_id").references(() => samplingRefreshRuns.id),
    claimedBy: uuid("claimed_by"),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
  },
  (table) => [index("family_sampling_results_computed_idx").on(table.computedAt)],
);

/** For one missing person of the family and one relative not yet sampled: the simulated powers now and with their sample. */
export const familySamplingGains = pgTable(
  "family_sampling_gains",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => familySamplingResults.familyId, { onDelete: "cascade" }),
    missingPersonId: uuid("missing_person_id")
      .notNull()
      .references(() => missingPersons.id),
    donorId: uuid("donor_id")
      .notNull()
      .references(() => referenceDonors.id),
    inclusionNow: doublePrecision("inclusion_now").notNull(),
    inclusionAfter: doublePrecision("inclusion_after").notNull(),
    inclusionGain: doublePrecision("inclusion_gain").notNull(),
    inclusionStandardError: doublePrecision("inclusion_standard_error").notNull(),
    exclusionAfter: doublePrecision("exclusion_after").notNull(),
    exclusionGain: doublePrecision("exclusion_gain").notNull(),
  },
  (table) => [index("family_sampling_gains_family_idx").on(table.familyId), index("family_sampling_gains_gain_idx").on(table.inclusionGain.desc(), table.exclusionGain.desc())],
);

/**
 * For one missing person of the family: the figures of the relatives typed now (migration 0041), so
 * that the family page reads them instead of simulating inside the request.
 */
export const familySamplingPeople = pgTable(
  "family_sampling_people",
  {
    familyId: uuid("family_id")
      .notNull()
      .references(() => familySamplingResults.familyId, { onDelete: "cascade" }),
    missingPersonId: uuid("missing_person_id")
      .notNull()
      .references(() => missingPersons.id),
    typedRelatives: integer("typed_relatives").notNull(),
    /** Exact, for the relatives as typed; null without any. */
    exactExclusionPower: doublePrecision("exact_exclusion_power"),
    inclusionNow: doublePrecision("inclusion_now").notNull(),
    inclusionNowStandardError: doublePrecision("inclusion_now_standard_error").notNull(),
    exclusionNow: doublePrecision("exclusion_now").notNull(),
    /** The θ of the simulated LRs: the stated one, or 0 on a pedigree too wide for the exact θ sum. */
    simulationTheta: doublePrecision("simulation_theta").notNull(),
    /** The relatives fit no pedigree: no advice. */
    placementProblem: text("placement_problem"),
  },
  (table) => [primaryKey({ columns: [table.familyId, table.missingPersonId] })],
);
