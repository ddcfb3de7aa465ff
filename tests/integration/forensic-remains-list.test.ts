import { beforeAll, expect, it } from "vitest";
import { graveSites, personalEffects, remains } from "@/db/schema";
import { parseRemainsFilters, remainsListQuery, type RemainsSort } from "@/lib/forensic/remains-filters";
import { encodeCursor } from "@/lib/lists/keyset";
import { getRemainsPage, REMAINS_PAGE_SIZE } from "@/lib/forensic/remains-list";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { readAs } from "./support/read-access";

const backends = await testBackends();
const BODIES = 120;
/** Bodies of another site recovered on the same days, so that the site filter has something to leave out. */
const OTHER_SITE_BODIES = 7;

describeOnEachBackend(backends, "the remains list", (database) => {
  const db = () => database().db;
  let siteId = "";

  beforeAll(async () => {
    const [site, otherSite] = await db()
      .insert(graveSites)
      .values([
        { code: "TRH-GS-77", nameAr: "موقع", nameEn: "Site", latitude: 32.4, longitude: 13.6, discoveredOn: "2020-01-01" },
        { code: "TRH-GS-78", nameAr: "موقع آخر", nameEn: "Other site", latitude: 32.5, longitude: 13.7, discoveredOn: "2020-01-01" },
      ])
      .returning();
    if (!site || !otherSite) throw new Error("no site");
    siteId = site.id;
    await db()
      .insert(remains)
      .values(
        Array.from({ length: OTHER_SITE_BODIES }, (_, index) => ({
          siteId: otherSite.id,
          code: `TRH-GS-78-B${String(index + 1).padStart(3, "0")}`,
          recoveredOn: `2020-0${(index % 9) + 1}-15`,
          condition: "partial" as const,
        })),
      );
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
      const result = await getRemainsPage(readAs("forensic", "forensic.read"), db(), { siteId, sort: "-recovered", ...(after ? { after } : {}) });
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
    expect((await getRemainsPage(readAs("forensic", "forensic.read"), db(), { siteId, sort: "code", condition: "complete" })).matches).toBe(BODIES / 2);
    expect((await getRemainsPage(readAs("forensic", "forensic.read"), db(), { siteId, sort: "code", effects: "with" })).rows.map((row) => row.code)).toEqual(["TRH-GS-77-B007"]);
    expect((await getRemainsPage(readAs("forensic", "forensic.read"), db(), { sort: "code", search: "blue fob" })).rows.map((row) => row.code)).toEqual(["TRH-GS-77-B007"]);
    expect((await getRemainsPage(readAs("forensic", "forensic.read"), db(), { sort: "code", search: "77-B11" })).matches).toBe(10);
  });

  it("searches for % and _ literally", async () => {
    expect((await getRemainsPage(readAs("forensic", "forensic.read"), db(), { sort: "code", search: "%" })).matches).toBe(0);
  });

  /** Every page from the first by "next page", then back from the last by "previous page". */
  async function walkForwardThenBack(sort: RemainsSort) {
    const forward = [await getRemainsPage(readAs("forensic", "forensic.read"), db(), { siteId, sort })];
    for (let next = forward[0]?.nextCursor; next; next = forward.at(-1)?.nextCursor) {
      forward.push(await getRemainsPage(readAs("forensic", "forensic.read"), db(), { siteId, sort, after: next }));
    }
    const backward = [forward.at(-1)];
    for (let previous = forward.at(-1)?.previousCursor; previous; previous = backward.at(-1)?.previousCursor) {
      backward.push(await getRemainsPage(readAs("forensic", "forensic.read"), db(), { siteId, sort, before: previous }));
    }
    return { forward, backward: backward.reverse() };
  }

  it.each<[RemainsSort, (code: string, recoveredOn: string) => string]>([
    ["code", (code) => code],
    ["-code", (code) => code],
    ["recovered", (_, recoveredOn) => recoveredOn],
    ["-recovered", (_, recoveredOn) => recoveredOn],
  ])("pages by %s forward and back through the same pages in the same order, keeping the site filter", async (sort, sortValue) => {
    const { forward, backward } = await walkForwardThenBack(sort);
    const idsOf = (page: { rows: { id: string }[] } | undefined) => page?.rows.map((row) => row.id);
    expect(forward).toHaveLength(Math.ceil(BODIES / REMAINS_PAGE_SIZE));
    expect(backward.map(idsOf)).toEqual(forward.map(idsOf));
    expect(backward[0]?.previousCursor).toBeNull();
    expect(forward.every((page) => page.matches === BODIES)).toBe(true);

    const listed = forward.flatMap((page) => page.rows);
    expect(new Set(listed.map((row) => row.id)).size).toBe(BODIES);
    expect(listed.every((row) => row.siteId === siteId)).toBe(true);
    const values = listed.map((row) => sortValue(row.code, row.recoveredOn));
    const ordered = [...values].sort();
    expect(values).toEqual(sort.startsWith("-") ? ordered.reverse() : ordered);
  });

  it("starts from the first page when the cursor in the address is malformed", async () => {
    const first = await getRemainsPage(readAs("forensic", "forensic.read"), db(), parseRemainsFilters({ siteId, sort: "-recovered" }));
    const notADate = encodeCursor("2020-13-45", first.rows[0]?.id ?? "");
    for (const address of [{ after: "not-a-cursor" }, { before: "%%%" }, { after: notADate }, { before: notADate }]) {
      const page = await getRemainsPage(readAs("forensic", "forensic.read"), db(), parseRemainsFilters({ siteId, sort: "-recovered", ...address }));
      expect(page.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
      expect(page.previousCursor).toBeNull();
    }
  });

  it("keeps the filters in a page link and starts again from the first page when a filter or the sort changes", () => {
    const filters = parseRemainsFilters({ siteId, sort: "-code", condition: "partial", after: "cursor-a" });
    expect(remainsListQuery(filters, { before: "cursor-b" })).toEqual({ siteId, sort: "-code", condition: "partial", before: "cursor-b" });
    expect(remainsListQuery(filters, { sort: "recovered" })).toEqual({ siteId, sort: "recovered", condition: "partial" });
    expect(remainsListQuery(filters, { condition: undefined })).toEqual({ siteId, sort: "-code" });
  });
});
