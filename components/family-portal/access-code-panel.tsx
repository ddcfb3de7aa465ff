"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { dangerButtonClassName, primaryButtonClassName } from "@/components/users/button-class";
import { ConfirmDialog } from "@/components/users/confirm-dialog";
import type { ActionResult } from "@/lib/actions/result";
import type { IssuedAccessCode } from "@/lib/family-portal/issue-access-code";
import { formatDate } from "@/lib/i18n/format";
import { AccessCodeSlip, type SlipText } from "./access-code-slip";

interface AccessCodePanelProps {
  familyId: string;
  /** When the current code was issued (ISO), or null when the family has none. */
  issuedAt: string | null;
  action: (input: { familyId: string }) => Promise<ActionResult<IssuedAccessCode>>;
  slipText: Record<"ar" | "en", SlipText>;
}

/** Issues the family's portal code (asking first when a code would be replaced) and shows it this once. */
export function AccessCodePanel({ familyId, issuedAt, action, slipText }: AccessCodePanelProps) {
  const t = useTranslations("FamilyPortal.staff");
  const locale = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const [issued, setIssued] = useState<IssuedAccessCode | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const issue = async () => {
    setPending(true);
    setFailure(null);
    const result = await action({ familyId });
    setPending(false);
    if (result.ok) setIssued(result.data);
    else setFailure(result.message);
  };
  const hasCode = issuedAt !== null || issued !== null;
  return (
    <div className="space-y-4" data-testid="access-code-panel">
      <FormMessage message={failure ? { kind: "error", key: failure } : issued ? { kind: "success", key: "FamilyPortal.staff.issued" } : null} />
      {issued ? (
        <>
          <p className="font-medium">{t("shownOnce")}</p>
          <AccessCodeSlip text={slipText} reference={issued.reference} code={issued.code} issuedAt={issued.issuedAt} />
          <button type="button" onClick={() => window.print()} className={`${primaryButtonClassName} print:hidden`} data-testid="print-access-code">
            {t("print")}
          </button>
        </>
      ) : (
        <p>{issuedAt ? t("issuedOn", { date: formatDate(locale === "en" ? "en" : "ar", issuedAt) }) : t("none")}</p>
      )}
      <button
        type="button"
        disabled={pending}
        onClick={() => (hasCode ? dialog.current?.showModal() : void issue())}
        className={`${hasCode ? dangerButtonClassName : primaryButtonClassName} print:hidden`}
        data-testid="issue-access-code"
      >
        {pending ? t("issuing") : hasCode ? t("reissue") : t("issue")}
      </button>
      <ConfirmDialog id="confirm-reissue" dialogRef={dialog} question={t("reissueQuestion")} confirmLabel={t("reissueConfirm")} onConfirm={() => void issue()} />
    </div>
  );
}
