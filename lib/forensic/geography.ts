import { TARHUNA } from "@/lib/map/places";

/**
 * Libya's extent with a small margin (the country spans about 19.5–33.2° N and 9.3–25.2° E). A rough
 * box, not the outline: the same check runs in the browser, where the world atlas is too heavy to ship.
 */
export const LIBYA_BOUNDS = { south: 19.4, north: 33.3, west: 9.3, east: 25.2 } as const;

/** Further than this from Tarhuna, a site is more likely a typing mistake than a new grave: confirm it. */
export const FAR_FROM_TARHUNA_KM = 50;

const EARTH_RADIUS_KM = 6371;

export function isInsideLibya(latitude: number, longitude: number): boolean {
  return (
    latitude >= LIBYA_BOUNDS.south &&
    latitude <= LIBYA_BOUNDS.north &&
    longitude >= LIBYA_BOUNDS.west &&
    longitude <= LIBYA_BOUNDS.east
  );
}

/** Great-circle distance (haversine), accurate to well under a kilometre at these distances. */
export function distanceFromTarhunaKm(latitude: number, longitude: number): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const deltaLatitude = radians(latitude - TARHUNA.latitude);
  const deltaLongitude = radians(longitude - TARHUNA.longitude);
  const haversine =
    Math.sin(deltaLatitude / 2) ** 2 +
    Math.cos(radians(TARHUNA.latitude)) * Math.cos(radians(latitude)) * Math.sin(deltaLongitude / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(haversine));
}

export function isFarFromTarhuna(latitude: number, longitude: number): boolean {
  return distanceFromTarhunaKm(latitude, longitude) > FAR_FROM_TARHUNA_KM;
}
