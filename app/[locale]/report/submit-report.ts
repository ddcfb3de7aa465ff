"use server";

import { currentRequestMetadata } from "@/lib/auth/request-metadata";
import { issueFormToken } from "@/lib/online-reports/form-token";
import type { ReportFormState } from "@/lib/online-reports/form-state";
import { reportFromForm } from "@/lib/online-reports/schemas";
import { submitOnlineReport } from "@/lib/online-reports/submit";
import { routing } from "@/lib/i18n/routing";
import { getDb } from "@/lib/server/database";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.slice(0, 200) : "";
};

/**
 * The public report form's action: no account, no session. Anyone may call it, so it checks
 * everything itself (lib/online-reports/submit.ts: anti-automation, schema, limits) and its answer
 * never depends on what the registry holds. Not in an actions.ts: it is no staff action.
 */
export async function submitReport(_previous: ReportFormState, form: FormData): Promise<ReportFormState> {
  const requested = text(form, "locale");
  const locale = (routing.locales as readonly string[]).includes(requested) ? requested : routing.defaultLocale;
  const report = reportFromForm(form);
  const formToken = text(form, "formToken");
  const outcome = await submitOnlineReport(await getDb(), {
    report,
    formToken,
    honeypot: text(form, "website"),
    locale,
    ...(await currentRequestMetadata()),
  });
  if (outcome.ok) return { status: "received", reference: outcome.reference };
  // A form refused as sent too fast or too late gets a fresh note of when it was drawn.
  if (outcome.error === "notSent") return { status: "notSent", values: report, formToken: issueFormToken() };
  if (outcome.error === "tooMany") return { status: "tooMany", values: report, waitMinutes: outcome.waitMinutes, formToken };
  return { status: "invalid", values: report, fieldErrors: outcome.fieldErrors, formToken };
}
