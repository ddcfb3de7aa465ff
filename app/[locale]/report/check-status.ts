"use server";

import { currentRequestMetadata } from "@/lib/auth/request-metadata";
import { checkReportStatus } from "@/lib/online-reports/status-check";
import type { StatusFormState } from "@/lib/online-reports/status-form-state";
import { getDb } from "@/lib/server/database";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.slice(0, 40) : "";
};

/**
 * The public status check's action: no account, no session. lib/online-reports/status-check.ts
 * limits, audits and answers the same way for an unknown reference and a wrong phone.
 */
export async function checkStatus(_previous: StatusFormState, form: FormData): Promise<StatusFormState> {
  const reference = text(form, "reference");
  const phone = text(form, "phone");
  const outcome = await checkReportStatus(await getDb(), { reference, phone, ...(await currentRequestMetadata()) });
  if (outcome.ok) return { status: "answered", answer: outcome.answer };
  if (outcome.error === "tooMany") return { status: "tooMany", waitMinutes: outcome.waitMinutes, reference, phone };
  return { status: "invalid", reference, phone };
}
