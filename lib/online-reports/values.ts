/**
 * The values an online report and its consents take, shared by the public form, the staff forms
 * and the database schema (db/schema/online-reports.ts builds its checks' lists from these).
 */

/** (a) search and identify, (b) share with named partners (ICMP, ICRC), (c) pass to the prosecution, (d) contact the reporter. */
export const CONSENT_LEVELS = ["search", "partners", "prosecution", "contact"] as const;
export type ConsentLevel = (typeof CONSENT_LEVELS)[number];

/**
 * The version of the consent wording the public form shows. Stored with every consent given
 * online, so what a reporter agreed to can always be shown: change the wording, change this.
 */
export const ONLINE_CONSENT_WORDING = "OR-CONSENT-2026-1";

export const ONLINE_REPORT_STATUSES = ["submitted", "accepted", "rejected"] as const;
export type OnlineReportStatus = (typeof ONLINE_REPORT_STATUSES)[number];

/** Why a registrar turned a report down; spam is deleted 30 days later (lib/online-reports/purge.ts). */
export const REJECTION_KINDS = ["spam", "duplicate", "insufficient", "other"] as const;
export type RejectionKind = (typeof REJECTION_KINDS)[number];

export const CONSENT_SOURCES = ["online", "office"] as const;

/** How a registrar accepts a report into the registry. */
export const ACCEPT_MODES = ["newFamily", "existingFamily", "existingPerson"] as const;
export type AcceptMode = (typeof ACCEPT_MODES)[number];
