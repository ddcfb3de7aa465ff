"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { useMessage } from "@/components/forms/use-message";
import type { ProposeIdentificationValues } from "@/lib/identifications/schemas";

/**
 * Shown when the body's estimate does not fit the person: the warning says what differs, and the
 * proposal goes through only once the examiner ticks that they have weighed it (the server checks).
 */
export function MismatchAcknowledgement({ warningKey }: { warningKey: string }) {
  const t = useTranslations("Identifications");
  const message = useMessage();
  const { register } = useFormContext<ProposeIdentificationValues>();
  return (
    <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3" data-testid="mismatch-warning">
      <p className="font-semibold">{t("mismatchTitle")}</p>
      <p id="mismatch-detail">{message(warningKey)}</p>
      <label className="flex items-start gap-2">
        <input type="checkbox" className="mt-1" aria-describedby="mismatch-detail" {...register("acknowledgeMismatch")} />
        {t("acknowledgeMismatch")}
      </label>
    </div>
  );
}
