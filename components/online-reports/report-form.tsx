"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { useMessage } from "@/components/forms/use-message";
import { IDLE_REPORT_FORM, type ReportFormState } from "@/lib/online-reports/form-state";
import type { SubmittedReport } from "@/lib/online-reports/schemas";
import { CONSENT_LEVELS, ONLINE_CONSENT_WORDING } from "@/lib/online-reports/values";
import { ReportReceipt } from "./report-receipt";

interface ReportFormProps {
  locale: string;
  /** The signed time this page was drawn (lib/online-reports/form-token.ts). */
  formToken: string;
  action: (previous: ReportFormState, form: FormData) => Promise<ReportFormState>;
}

const inputClassName = "block w-full rounded border-2 border-line bg-white px-3 py-3 text-lg aria-[invalid=true]:border-red-700";
const CONSENT_NAMES = { search: "consentSearch", partners: "consentPartners", prosecution: "consentProsecution", contact: "consentContact" } as const;

/**
 * The public report form: a plain HTML form whose action React sends with or without JavaScript
 * (useActionState: a browser without scripts posts the page and gets it back drawn on the server),
 * one column wide enough for a 360 px phone, errors beside each field.
 */
export function ReportForm({ locale, formToken, action }: ReportFormProps) {
  const t = useTranslations("OnlineReport");
  const message = useMessage();
  const [state, formAction, pending] = useActionState(action, IDLE_REPORT_FORM);
  if (state.status === "received") return <ReportReceipt reference={state.reference} />;
  const values: Partial<SubmittedReport> = state.status === "idle" ? {} : state.values;
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const token = state.status === "idle" ? formToken : state.formToken;

  const field = (name: keyof SubmittedReport & string, options: { required?: boolean; hint?: boolean; children?: (describedBy: string | undefined, invalid: boolean) => ReactNode; type?: string; dir?: "ltr"; inputMode?: "tel" | "numeric" | "email"; autoComplete?: string } = {}) => {
    const id = `report-${name}`;
    const error = errors[name];
    const describedBy = [options.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
    return (
      <div className="space-y-1">
        <label htmlFor={id} className="block font-medium">
          {t(`fields.${name}` as never)}
          {options.required && <span aria-hidden="true" className="text-red-700"> *</span>}
        </label>
        {options.hint && <p id={`${id}-hint`} className="text-sm text-muted">{t(`hints.${name}` as never)}</p>}
        {options.children ? (
          options.children(describedBy, Boolean(error))
        ) : (
          <input
            id={id}
            name={name}
            type={options.type ?? "text"}
            dir={options.dir ?? "auto"}
            inputMode={options.inputMode}
            autoComplete={options.autoComplete ?? "off"}
            required={options.required}
            defaultValue={typeof values[name] === "string" ? values[name] : ""}
            aria-describedby={describedBy}
            aria-invalid={Boolean(error)}
            className={inputClassName}
          />
        )}
        {error && <p id={`${id}-error`} className="font-medium text-red-800" data-testid={`error-${name}`}>{message(error)}</p>}
      </div>
    );
  };

  return (
    <form action={formAction} className="space-y-8" data-testid="report-form" noValidate>
      {state.status === "invalid" && <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900" data-testid="report-invalid">{t("invalid")}</p>}
      {state.status === "notSent" && <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900" data-testid="report-not-sent">{t("notSent")}</p>}
      {state.status === "tooMany" && <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900" data-testid="report-too-many">{t("tooMany", { minutes: state.waitMinutes })}</p>}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="formToken" value={token} />
      {/* Only a robot fills this in: clipped to nothing, out of the tab order and hidden from screen
          readers. Clipped in place rather than moved off screen: 10,000 px to the left is scrollable
          space on a right-to-left page, which made the Arabic form that wide on a phone. */}
      <div aria-hidden="true" className="sr-only">
        <label htmlFor="report-website">{t("honeypot")}</label>
        <input id="report-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-xl font-semibold">{t("reporterHeading")}</legend>
        {field("reporterName", { required: true, autoComplete: "name" })}
        {field("reporterRelationship", { required: true, hint: true })}
        {field("reporterPhone", { required: true, type: "tel", dir: "ltr", inputMode: "tel", autoComplete: "tel", hint: true })}
        {field("reporterEmail", { type: "email", dir: "ltr", inputMode: "email", autoComplete: "email" })}
        {field("reporterResidence", { required: true, hint: true })}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-xl font-semibold">{t("personHeading")}</legend>
        {field("givenName", { required: true })}
        {field("fatherName")}
        {field("grandfatherName")}
        {field("familyName")}
        {field("sex", {
          required: true,
          children: (describedBy, invalid) => (
            <select id="report-sex" name="sex" defaultValue={values.sex ?? "unknown"} aria-describedby={describedBy} aria-invalid={invalid} className={inputClassName}>
              <option value="male">{t("sex.male")}</option>
              <option value="female">{t("sex.female")}</option>
              <option value="unknown">{t("sex.unknown")}</option>
            </select>
          ),
        })}
        {field("birthYear", { dir: "ltr", inputMode: "numeric", hint: true })}
        {field("lastSeenOn", { type: "date", dir: "ltr", hint: true })}
        {field("lastSeenPlace")}
        {field("circumstances", {
          hint: true,
          children: (describedBy, invalid) => (
            <textarea id="report-circumstances" name="circumstances" dir="auto" rows={5} defaultValue={values.circumstances ?? ""} aria-describedby={describedBy} aria-invalid={invalid} className={inputClassName} />
          ),
        })}
        {field("policeReportNumber", { dir: "ltr", hint: true })}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-xl font-semibold">{t("relativesHeading")}</legend>
        {field("relatives", {
          hint: true,
          children: (describedBy, invalid) => (
            <textarea id="report-relatives" name="relatives" dir="auto" rows={4} defaultValue={values.relatives ?? ""} aria-describedby={describedBy} aria-invalid={invalid} className={inputClassName} />
          ),
        })}
      </fieldset>

      <fieldset className="space-y-4" data-testid="report-consents">
        <legend className="mb-2 text-xl font-semibold">{t("consentHeading")}</legend>
        <p>{t("consentIntro")}</p>
        {CONSENT_LEVELS.map((level) => {
          const name = CONSENT_NAMES[level];
          const error = errors[name];
          return (
            <div key={level} className="rounded border border-line p-3">
              <label className="flex items-start gap-3">
                <input type="checkbox" name={name} defaultChecked={values[name] === true} aria-invalid={Boolean(error)} aria-describedby={error ? `report-${name}-error` : undefined} className="mt-1 h-6 w-6 shrink-0" data-testid={`consent-${level}`} />
                <span>
                  <span className="block font-medium">{t(`consent.${level}.title`)}{level === "search" && <span aria-hidden="true" className="text-red-700"> *</span>}</span>
                  <span className="block text-muted">{t(`consent.${level}.text`)}</span>
                </span>
              </label>
              {error && <p id={`report-${name}-error`} className="mt-1 font-medium text-red-800" data-testid={`error-${name}`}>{message(error)}</p>}
            </div>
          );
        })}
        <p className="text-sm text-muted">{t("consentWithdrawal")}</p>
        <p className="text-sm text-muted">{t("consentWording", { version: ONLINE_CONSENT_WORDING })}</p>
      </fieldset>

      <button type="submit" disabled={pending} className="w-full rounded bg-accent px-4 py-3 text-lg font-semibold text-white hover:opacity-90 disabled:opacity-60" data-testid="report-submit">
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
