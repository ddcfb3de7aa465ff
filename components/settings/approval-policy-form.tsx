"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { HydratedForm } from "@/components/forms/hydrated-form";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionResult } from "@/lib/actions/result";
import type { ApprovalPolicy, ApprovalPolicyValues } from "@/lib/approvals/policy-values";
import { SECOND_PERSON_ACTIONS } from "@/lib/approvals/second-person-actions";

interface ApprovalPolicyFormProps {
  policy: ApprovalPolicy;
  action: (values: ApprovalPolicyValues) => Promise<ActionResult<ApprovalPolicy>>;
}

/**
 * Which irreversible steps wait for a second staff member. Plain state rather than react-hook-form:
 * the steps' names hold dots, which react-hook-form would read as nested fields.
 */
export function ApprovalPolicyForm({ policy, action }: ApprovalPolicyFormProps) {
  const t = useTranslations("Approvals");
  const [required, setRequired] = useState<ApprovalPolicy>(policy);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: "error" | "success"; key: string } | null>(null);
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaving(true);
    setOutcome(null);
    try {
      const result = await action({ required });
      setOutcome(result.ok ? { kind: "success", key: "Approvals.policySaved" } : { kind: "error", key: result.message });
    } catch {
      setOutcome({ kind: "error", key: "Actions.unexpected" });
    } finally {
      setSaving(false);
    }
  };
  return (
    <HydratedForm onSubmit={(event) => void save(event)} noValidate className="space-y-4" data-testid="approval-policy-form">
      <FormMessage message={outcome} />
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("policyRequired")}</legend>
        {SECOND_PERSON_ACTIONS.map((name) => (
          <label key={name} className="flex items-center gap-2">
            <input
              type="checkbox"
              name={name}
              checked={required[name]}
              onChange={(event) => setRequired((current) => ({ ...current, [name]: event.target.checked }))}
            />
            <span>{t(`actions.${name}`)}</span>
          </label>
        ))}
      </fieldset>
      <SubmitButton label={t("policySave")} submitting={saving} />
    </HydratedForm>
  );
}
