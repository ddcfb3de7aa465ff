import { and, eq, isNotNull } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { dnaSamples, strProfiles } from "@/db/schema";
import { readRelatedBodies } from "@/lib/dna-profiles/related-bodies";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { readAs } from "./support/read-access";

const backends = await testBackends();

/** Issue #22, point 5: a body's page lists the other bodies its DNA says it belongs with. */
describeOnEachBackend(backends, "body-to-body comparison on a body's page", (database) => {
  let first = "";
  let second = "";

  beforeAll(async () => {
    const db = database().db;
    const samples = await db
      .selectDistinct({ sampleId: dnaSamples.id, remainsId: dnaSamples.remainsId })
      .from(dnaSamples)
      .innerJoin(strProfiles, eq(strProfiles.sampleId, dnaSamples.id))
      .where(isNotNull(dnaSamples.remainsId))
      .orderBy(dnaSamples.id);
    const [a, b] = [samples[0], samples.find((sample) => sample.remainsId !== samples[0]?.remainsId)];
    if (!a?.remainsId || !b?.remainsId) throw new Error("the demo has fewer than two profiled bodies");
    [first, second] = [a.remainsId, b.remainsId];
    // Commingling: the second body's sample is typed exactly as the first body's.
    for (const row of await db.select().from(strProfiles).where(eq(strProfiles.sampleId, a.sampleId))) {
      await db.update(strProfiles).set({ allele1: row.allele1, allele2: row.allele2 }).where(and(eq(strProfiles.sampleId, b.sampleId), eq(strProfiles.locus, row.locus)));
    }
  });

  it("lists the body typed alike as the same person, with the basis of the ratio", async () => {
    const outcome = await readRelatedBodies(readAs("forensic", "dnaProfiles.use"), database().db, first);
    expect(outcome).toMatchObject({ theta: 0.02, mutationRate: 0.002, listFrom: 1000, frequencyTable: { name: expect.stringMatching(/synthetic/i) } });
    const row = outcome?.related.find((entry) => entry.remainsId === second);
    expect(row?.strongest).toBe("samePerson");
    expect(row?.log10Lr.samePerson).toBeGreaterThan(10);
    expect(row?.lociCompared).toBeGreaterThanOrEqual(15);
  });

  it("says nothing for a body without a profile", async () => {
    expect(await readRelatedBodies(readAs("forensic", "dnaProfiles.use"), database().db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
}, { data: "demo" });
