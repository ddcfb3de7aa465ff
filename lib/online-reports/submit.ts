import "server-only";
import { randomInt } from "node:crypto";
import type { Database } from "@/db/client";
import { dataConsents, onlineReports } from "@/db/schema";
import { fieldErrorsOf } from "@/lib/actions/field-errors";
import { fieldsWithNullCharacter } from "@/lib/actions/unstorable-text";
import { appendAuditEntry } from "@/lib/audit/append";
import { runTransaction } from "@/lib/audit/run-transaction";
import type { RequestMetadata } from "@/lib/auth/request-metadata";
import { todayInTarhuna } from "@/lib/people/dates";
import { addressKey } from "@/lib/security/address-key";
import { reserveAttempt, type RateLimit } from "@/lib/security/rate-limit";
import { countRefusedAttempt } from "@/lib/security/refused-attempts";
import { logger } from "@/lib/server/logger";
import { checkFormToken } from "./form-token";
import { CONSENT_FIELDS, onlineReportSchema, withWesternDigits, type SubmittedReport } from "./schemas";
import { CONSENT_LEVELS, ONLINE_CONSENT_WORDING } from "./values";

/** Reports one address (IPv4, or IPv6 /64) may send in an hour: a family rarely sends more than two. */
export const REPORT_ADDRESS_LIMIT: RateLimit = { limit: 5, windowMinutes: 60 };
/** Reports naming one phone number in a day, whatever address they come from. */
export const REPORT_PHONE_LIMIT: RateLimit = { limit: 3, windowMinutes: 24 * 60 };

export interface ReportSubmission extends RequestMetadata {
  report: SubmittedReport;
  /** The signed time the form was drawn (form-token.ts). */
  formToken: string;
  /** The hidden field a person never sees and a robot fills in. */
  honeypot: string;
  locale: string;
}

export type SubmissionOutcome =
  | { ok: true; reference: string }
  /** notSent: the anti-automation step refused it; the same words for every reason. */
  | { ok: false; error: "notSent" }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; error: "tooMany"; waitMinutes: number };

/** Letters and digits nobody misreads on a phone or over the line: no 0/O, 1/I/L. */
const REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

function newReference(): string {
  const characters = Array.from({ length: 8 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join("");
  return `TRH-R-${characters.slice(0, 4)}-${characters.slice(4)}`;
}

export const phoneKey = (phone: string) => phone.replace(/\D/g, "").replace(/^00/, "");

/**
 * Takes a report from the public form into the staff queue. Nothing is looked up in the registry:
 * the answer is the same whether the person is on file or not, so the form tells nobody who is.
 * In order: the anti-automation step (counted, never audited), the schema (bad input keeps
 * nothing), the limits per address and per phone, then one transaction with the report, one row
 * per consent given (wording version with each) and an audit entry without the personal data.
 */
export async function submitOnlineReport(db: Database, submission: ReportSubmission): Promise<SubmissionOutcome> {
  const address = addressKey(submission.ip);
  const tokenCheck = checkFormToken(submission.formToken);
  if (submission.honeypot.trim() !== "" || tokenCheck !== "ok") {
    const reason = submission.honeypot.trim() !== "" ? "honeypot" : tokenCheck;
    await countRefusedAttempt(db, address, `onlineReport.${reason}`);
    logger.info({ event: "onlineReport.refused", reason, ip: address }, "online report refused");
    return { ok: false, error: "notSent" };
  }
  const unstorable = fieldsWithNullCharacter(submission.report);
  if (unstorable.length > 0) return { ok: false, error: "invalid", fieldErrors: Object.fromEntries(unstorable.map((field) => [field, "unstorableCharacter"])) };
  const parsed = onlineReportSchema.safeParse(withWesternDigits(submission.report));
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const values = parsed.data;
  for (const [key, rule] of [[`report-ip:${address}`, REPORT_ADDRESS_LIMIT], [`report-phone:${phoneKey(values.reporterPhone)}`, REPORT_PHONE_LIMIT]] as const) {
    const reserved = await reserveAttempt(db, key, rule);
    if (!reserved.allowed) {
      await countRefusedAttempt(db, address, "onlineReport.tooMany");
      return { ok: false, error: "tooMany", waitMinutes: Math.max(1, Math.ceil(reserved.retryAfterSeconds / 60)) };
    }
  }
  const reference = await runTransaction(db, async (tx) => {
    const [report] = await tx
      .insert(onlineReports)
      .values({
        reference: newReference(),
        locale: submission.locale,
        reporterName: values.reporterName,
        reporterRelationship: values.reporterRelationship,
        reporterPhone: values.reporterPhone,
        reporterPhoneKey: phoneKey(values.reporterPhone),
        reporterEmail: values.reporterEmail,
        reporterResidence: values.reporterResidence,
        givenName: values.givenName,
        fatherName: values.fatherName,
        grandfatherName: values.grandfatherName,
        familyName: values.familyName,
        sex: values.sex,
        birthYear: values.birthYear === "" ? null : Number(values.birthYear),
        lastSeenOn: values.lastSeenOn === "" ? null : values.lastSeenOn,
        lastSeenPlace: values.lastSeenPlace,
        circumstances: values.circumstances,
        policeReportNumber: values.policeReportNumber,
        relatives: values.relatives,
        consentWording: ONLINE_CONSENT_WORDING,
      })
      .returning({ id: onlineReports.id, reference: onlineReports.reference });
    if (!report) throw new Error("online report was not inserted");
    const given = CONSENT_LEVELS.filter((level) => values[CONSENT_FIELDS[level]]);
    await tx.insert(dataConsents).values(
      given.map((level) => ({
        onlineReportId: report.id,
        level,
        source: "online",
        wordingVersion: ONLINE_CONSENT_WORDING,
        givenOn: todayInTarhuna(),
        givenBy: values.reporterRelationship,
      })),
    );
    // The reporter's and the person's details stay out of the append-only log: a report rejected as
    // spam is deleted later, and the log must not keep what was deleted.
    await appendAuditEntry(tx, {
      actorId: null,
      actorLabel: "online-report",
      action: "onlineReport.submit",
      entity: "online_report",
      entityId: report.id,
      after: { reference: report.reference, consents: given, wordingVersion: ONLINE_CONSENT_WORDING },
      ip: submission.ip,
      userAgent: submission.userAgent,
    });
    return report.reference;
  });
  return { ok: true, reference };
}
