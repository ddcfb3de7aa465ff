/** An identification counts as "identified" from confirmation on; proposals and rejections do not. */
export const IDENTIFIED_STATUSES = ["confirmed", "family_notified", "remains_returned"] as const;
