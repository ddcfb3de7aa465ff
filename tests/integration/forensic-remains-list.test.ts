import { beforeAll, expect, it } from "vitest";
import { graveSites, personalEffects, remains } from "@/db/schema";
import { getRemainsPage, REMAINS_PAGE_SIZE } from "@/lib/forensic/remains-list";
import { describeOnEachBackend, testBackends } from "./support/databases";

const backends = await testBackends();
const BODIES = 120;

describeOnEachBackend(backends, "the remains list", (database) => {
  const db = () => database().db;
  let siteId = "";

  beforeAll(async () => {
    const [site] = await db()
      .insert(graveSites)
      .values({ code: "TRH-GS-77", nameAr: "موقع", nameEn: "Site", latitude: 32.4, longitude: 13.6, discoveredOn: "2020-01-01" })
      .returning();
    if (!site) throw new Error("no site");
    siteId = site.id;
    const bodies = await db()
      .insert(remains)
      .values(
        Array.from({ length: BODIES }, (_, index) => ({
          siteId,
          code: `TRH-GS-77-B${String(index + 1).padStart(3, "0")}`,
          recoveredOn: `2020-0${(index % 9) + 1}-15`,
          condition: index % 2 === 0 ? ("partial" as const) : ("complete" as const),
        })),
      )
      .returning();
    const keyed = bodies[6];
    if (!keyed) throw new Error("no body");
    await db().insert(personalEffects).values({ remainsId: keyed.id, kind: "car_key", description: "Hyundai key, blue fob" });
  });

  it("walks every page by keyset without repeating or missing a body", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const result = await getRemainsPage(db(), { siteId, sort: "-recovered", ...(after ? { after } : {}) });
      expect(result.matches).toBe(BODIES);
      seen.push(...result.rows.map((row) => row.code));
      if (!result.nextCursor) break;
      after = result.nextCursor;
    }
    expect(seen).toHaveLength(BODIES);
    expect(new Set(seen).size).toBe(BODIES);
    expect(REMAINS_PAGE_SIZE).toBeLessThan(BODIES);
  });

  it("filters by condition and by effects, and finds a body by an effect's description", async () => {
    expect((await getRemainsPage(db(), { siteId, sort: "code", condition: "complete" })).matches).toBe(BODIES / 2);
    expect((await getRemainsPage(db(), { siteId, sort: "code", effects: "with" })).rows.map((row) => row.code)).toEqual(["TRH-GS-77-B007"]);
    expect((await getRemainsPage(db(), { sort: "code", search: "blue fob" })).rows.map((row) => row.code)).toEqual(["TRH-GS-77-B007"]);
    expect((await getRemainsPage(db(), { sort: "code", search: "77-B11" })).matches).toBe(10);
  });

  it("searches for % and _ literally", async () => {
    expect((await getRemainsPage(db(), { sort: "code", search: "%" })).matches).toBe(0);
  });
});
