import "server-only";
import { and, asc, count, countDistinct, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { graveSites, identifications, remains } from "@/db/schema";
import { cachedForRegistryState } from "./change-keyed-cache";
import { PUBLICLY_IDENTIFIED_STATUSES } from "./identified";

/** What the public may know of a grave site: where it is and how many it held, never who. */
export interface PublicGraveSite {
  code: string;
  nameAr: string;
  nameEn: string;
  status: (typeof graveSites.status.enumValues)[number];
  latitude: number;
  longitude: number;
  bodiesRecovered: number;
  identified: number;
}

/** 0.01° is about 1.1 km north–south and 0.9 km east–west at Tarhuna: the area, not the field. */
const PUBLIC_COORDINATE_STEP = 100;

function roundForPublic(coordinate: number): number {
  return Math.round(coordinate * PUBLIC_COORDINATE_STEP) / PUBLIC_COORDINATE_STEP;
}

/** The sites with their counts, computed once per change to the registry (see change-keyed-cache). */
export function getPublicGraveSites(db: Executor): Promise<PublicGraveSite[]> {
  return cachedForRegistryState(db, "graveSites", () => countPublicGraveSites(db));
}

async function countPublicGraveSites(db: Executor): Promise<PublicGraveSite[]> {
  const sites = await db
    .select({
      id: graveSites.id,
      code: graveSites.code,
      nameAr: graveSites.nameAr,
      nameEn: graveSites.nameEn,
      status: graveSites.status,
      latitude: graveSites.latitude,
      longitude: graveSites.longitude,
      exactLocationPublic: graveSites.exactLocationPublic,
    })
    .from(graveSites)
    .where(and(isNull(graveSites.voidedAt), eq(graveSites.isPublic, true)))
    .orderBy(asc(graveSites.code));

  const recovered = await db
    .select({ siteId: remains.siteId, n: count() })
    .from(remains)
    .where(isNull(remains.voidedAt))
    .groupBy(remains.siteId);

  const identified = await db
    .select({ siteId: remains.siteId, n: countDistinct(identifications.remainsId) })
    .from(identifications)
    .innerJoin(remains, eq(remains.id, identifications.remainsId))
    .where(and(inArray(identifications.status, [...PUBLICLY_IDENTIFIED_STATUSES]), isNull(remains.voidedAt)))
    .groupBy(remains.siteId);

  const recoveredBySite = new Map(recovered.map((row) => [row.siteId, row.n]));
  const identifiedBySite = new Map(identified.map((row) => [row.siteId, row.n]));
  return sites.map(({ id, exactLocationPublic, latitude, longitude, ...site }) => ({
    ...site,
    latitude: exactLocationPublic ? latitude : roundForPublic(latitude),
    longitude: exactLocationPublic ? longitude : roundForPublic(longitude),
    bodiesRecovered: recoveredBySite.get(id) ?? 0,
    identified: identifiedBySite.get(id) ?? 0,
  }));
}

/** The open-data twin of the public map: a GeoJSON FeatureCollection with no personal data. */
export function toGeoJson(sites: PublicGraveSite[]) {
  return {
    type: "FeatureCollection" as const,
    features: sites.map((site) => ({
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [site.longitude, site.latitude] },
      properties: {
        code: site.code,
        nameAr: site.nameAr,
        nameEn: site.nameEn,
        status: site.status,
        bodiesRecovered: site.bodiesRecovered,
        identified: site.identified,
      },
    })),
  };
}
