import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { onlineReports } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import { runTransaction } from "@/lib/audit/run-transaction";
import type { RequestMetadata } from "@/lib/auth/request-metadata";
import { addressKey } from "@/lib/security/address-key";
import { reserveAttempt, type RateLimit } from "@/lib/security/rate-limit";
import { countRefusedAttempt } from "@/lib/security/refused-attempts";
import { westernDigits } from "./schemas";
import type { ReportStatusAnswer } from "./status-form-state";
import { phoneKey } from "./submit";

/** Checks one address may make in an hour: a family checks now and then, a guesser needs thousands. */
export const STATUS_ADDRESS_LIMIT: RateLimit = { limit: 10, windowMinutes: 60 };
/** Checks of one reference in a day, from any address: the phone cannot be guessed through many addresses. */
export const STATUS_REFERENCE_LIMIT: RateLimit = { limit: 5, windowMinutes: 24 * 60 };
/**
 * Every answer takes at least this long, found or not: the lookup and the audit entry of a found
 * report must not tell a guesser, by the time taken, that a reference exists.
 */
const ANSWER_FLOOR_MS = 600;

export type StatusCheckOutcome = { ok: true; answer: ReportStatusAnswer } | { ok: false; error: "invalid" } | { ok: false; error: "tooMany"; waitMinutes: number };

/** TRH-R-ABCD-EFGH as typed: spaces dropped, lower case and Arabic-Indic digits read as the receipt prints them. */
export function normaliseReference(typed: string): string {
  return westernDigits(typed).toUpperCase().replace(/\s+/g, "");
}

const ANSWERS: Record<string, ReportStatusAnswer> = { submitted: "received", accepted: "accepted", rejected: "closed" };

/**
 * The public status check (issue 26): the reference on the receipt and the phone number given with
 * the report. Limited per address and per reference like the form; a read of a report is audited
 * (who asked, from where; no personal data), an unknown pair is counted as a refused attempt.
 */
export async function checkReportStatus(db: Database, request: { reference: string; phone: string } & RequestMetadata): Promise<StatusCheckOutcome> {
  const started = Date.now();
  const answer = await lookUp(db, request);
  await sleep(Math.max(0, ANSWER_FLOOR_MS - (Date.now() - started)));
  return answer;
}

async function lookUp(db: Database, request: { reference: string; phone: string } & RequestMetadata): Promise<StatusCheckOutcome> {
  const reference = normaliseReference(request.reference.slice(0, 40));
  const phone = phoneKey(westernDigits(request.phone.slice(0, 40)));
  if (!/^TRH-R-[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(reference) || phone.length < 6) return { ok: false, error: "invalid" };
  const address = addressKey(request.ip);
  for (const [key, rule] of [[`report-status-ip:${address}`, STATUS_ADDRESS_LIMIT], [`report-status-ref:${reference}`, STATUS_REFERENCE_LIMIT]] as const) {
    const reserved = await reserveAttempt(db, key, rule);
    if (!reserved.allowed) {
      await countRefusedAttempt(db, address, "onlineReport.statusTooMany");
      return { ok: false, error: "tooMany", waitMinutes: Math.max(1, Math.ceil(reserved.retryAfterSeconds / 60)) };
    }
  }
  const [report] = await db
    .select({ id: onlineReports.id, status: onlineReports.status })
    .from(onlineReports)
    .where(and(eq(onlineReports.reference, reference), eq(onlineReports.reporterPhoneKey, phone)));
  if (!report) {
    await countRefusedAttempt(db, address, "onlineReport.statusUnknown");
    return { ok: true, answer: "unknown" };
  }
  const answer = ANSWERS[report.status] ?? "received";
  await runTransaction(db, (tx) =>
    appendAuditEntry(tx, {
      actorId: null,
      actorLabel: "online-report",
      action: "onlineReport.statusCheck",
      entity: "online_report",
      entityId: report.id,
      after: { answer },
      ip: request.ip,
      userAgent: request.userAgent,
    }),
  );
  return { ok: true, answer };
}
