/** An identification counts as "identified" for staff from confirmation on; proposals and rejections do not. */
export const IDENTIFIED_STATUSES = ["confirmed", "family_notified", "remains_returned"] as const;

/**
 * The public counts an identification only once the family has been told in person, so that no
 * family learns of it first from a public figure or the map.
 */
export const PUBLICLY_IDENTIFIED_STATUSES = ["family_notified", "remains_returned"] as const;
