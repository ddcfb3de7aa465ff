"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useMessage } from "@/components/forms/use-message";
import { registerDeviceSchema } from "@/lib/field/schemas";
import { FormCard, Input, text } from "./inputs";

/** The first step on a new device, online: register it to the signed-in staff member and reserve its codes. */
export function DeviceRegistration({ online, notice, onRegister }: { online: boolean; notice: string | null; onRegister: (label: string) => Promise<void> }) {
  const t = useTranslations("Field");
  const message = useMessage();
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!online) return <p className="rounded border border-line p-4">{t("registerOffline")}</p>;
  return (
    <FormCard
      title={t("registerTitle")}
      testId="field-register-form"
      submitLabel={t("register")}
      onSubmit={(form) => {
        const parsed = registerDeviceSchema.safeParse({ label: text(form, "label") });
        if (!parsed.success) return setErrors({ label: parsed.error.issues[0]?.message ?? "required" });
        setErrors({});
        void onRegister(parsed.data.label);
      }}
    >
      <p>{t("registerIntro")}</p>
      {notice ? <p role="alert" className="text-red-800">{message(notice)}</p> : null}
      <Input scope="device" name="label" label={t("deviceLabel")} errors={errors} required />
    </FormCard>
  );
}
