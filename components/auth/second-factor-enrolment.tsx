"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import type { SecondFactorEnrolment as Enrolment } from "@/lib/auth/second-factor";
import { confirmSecondFactorSchema, type ConfirmSecondFactorValues } from "@/lib/auth/schemas/second-factor";
import { useRouter } from "@/lib/i18n/navigation";
import { HydratedForm } from "@/components/forms/hydrated-form";

interface SecondFactorEnrolmentProps {
  start: (values: Record<string, never>) => Promise<ActionResult<Enrolment>>;
  confirm: (values: ConfirmSecondFactorValues) => Promise<ActionResult<null>>;
}

/** Two steps: a new secret shown once (QR code, key, link), then a code from the app switches it on. */
export function SecondFactorEnrolment({ start, confirm }: SecondFactorEnrolmentProps) {
  const t = useTranslations("Account");
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [starting, setStarting] = useState(false);
  const [startFailure, setStartFailure] = useState<string | null>(null);
  const { form, submit, outcome } = useActionForm({
    schema: confirmSecondFactorSchema,
    action: confirm,
    defaultValues: { code: "" },
    successKey: "Account.secondFactorEnabled",
    onSuccess: () => {
      setEnrolment(null);
      router.refresh();
    },
  });
  const begin = async () => {
    setStarting(true);
    setStartFailure(null);
    const result = await start({});
    setStarting(false);
    if (result.ok) setEnrolment(result.data);
    else setStartFailure(result.message);
  };
  if (!enrolment) {
    return (
      <div className="space-y-4">
        <FormMessage message={startFailure ? { kind: "error", key: startFailure } : outcome} />
        <button type="button" onClick={() => void begin()} disabled={starting} className="rounded bg-accent px-4 py-2 font-medium text-white hover:opacity-90 disabled:opacity-60">
          {t("secondFactorStart")}
        </button>
      </div>
    );
  }
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="second-factor-form">
      <FormMessage message={outcome} />
      <p>{t("secondFactorScan")}</p>
      {/* A data: URL made on the server from the otpauth address; no outside image service sees the secret. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={enrolment.qrCode} alt={t("secondFactorQrAlt")} width={220} height={220} className="rounded border border-line bg-white" />
      <dl className="space-y-2">
        <dt className="font-medium text-muted">{t("secondFactorKey")}</dt>
        <dd dir="ltr" className="font-mono text-lg" data-testid="second-factor-key">{enrolment.secret}</dd>
        <dt className="font-medium text-muted">{t("secondFactorLinkLabel")}</dt>
        <dd dir="ltr" className="break-all font-mono text-sm">
          <a href={enrolment.uri} className="text-accent underline">{enrolment.uri}</a>
        </dd>
      </dl>
      <TextInput
        id="code"
        label={t("secondFactorCode")}
        autoComplete="one-time-code"
        inputMode="numeric"
        dir="ltr"
        required
        registration={form.register("code")}
        error={form.formState.errors.code?.message}
      />
      <button type="submit" disabled={form.formState.isSubmitting} className="rounded bg-accent px-4 py-2 font-medium text-white hover:opacity-90 disabled:opacity-60">
        {t("secondFactorConfirm")}
      </button>
    </HydratedForm>
  );
}
