"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { IDLE_STATUS_FORM, type StatusFormState } from "@/lib/online-reports/status-form-state";

const inputClassName = "block w-full rounded border-2 border-line bg-white px-3 py-3 text-lg";

/**
 * The reporter's status check on the report page: the reference from the receipt and the phone
 * given with the report. Works without JavaScript (useActionState). The answer names no one and
 * never carries the family reference or access code: an accepted report sends the reporter to
 * the office (`officeContact`, drawn on the server), where they are given in person.
 */
export function ReportStatusForm({ action, officeContact }: { action: (previous: StatusFormState, form: FormData) => Promise<StatusFormState>; officeContact: ReactNode }) {
  const t = useTranslations("OnlineReport.statusCheck");
  const [state, formAction, pending] = useActionState(action, IDLE_STATUS_FORM);
  const typed = state.status === "invalid" || state.status === "tooMany" ? state : { reference: "", phone: "" };
  return (
    <section className="space-y-4 rounded border border-line p-4" aria-labelledby="status-check-heading" data-testid="status-check">
      <h2 id="status-check-heading" className="text-xl font-semibold">{t("heading")}</h2>
      <p>{t("intro")}</p>
      {state.status === "answered" && (
        <div role="status" className="space-y-2 rounded border-2 border-emerald-400 bg-emerald-50 p-3" data-testid="status-answer" data-answer={state.answer}>
          <p className="font-medium">{t(`answers.${state.answer}`)}</p>
          {state.answer === "accepted" && officeContact}
        </div>
      )}
      {state.status === "invalid" && <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900" data-testid="status-invalid">{t("invalid")}</p>}
      {state.status === "tooMany" && <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900" data-testid="status-too-many">{t("tooMany", { minutes: state.waitMinutes })}</p>}
      <form action={formAction} className="space-y-4" data-testid="status-form" noValidate>
        <div className="space-y-1">
          <label htmlFor="status-reference" className="block font-medium">{t("reference")}</label>
          <p id="status-reference-hint" className="text-sm text-muted">{t("referenceHint")}</p>
          <input id="status-reference" name="reference" type="text" dir="ltr" autoComplete="off" autoCapitalize="characters" required maxLength={40} defaultValue={typed.reference} aria-describedby="status-reference-hint" className={inputClassName} />
        </div>
        <div className="space-y-1">
          <label htmlFor="status-phone" className="block font-medium">{t("phone")}</label>
          <input id="status-phone" name="phone" type="tel" dir="ltr" inputMode="tel" autoComplete="off" required maxLength={40} defaultValue={typed.phone} className={inputClassName} />
        </div>
        <button type="submit" disabled={pending} className="rounded bg-accent px-5 py-3 text-lg font-semibold text-white disabled:opacity-60" data-testid="status-submit">{t("submit")}</button>
      </form>
    </section>
  );
}
