"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, inputClassName } from "@/components/forms/field";

/** Unlocks (or, the first time, creates) the device's encrypted store with a PIN. */
export function PinGate({ creating, onPin }: { creating: boolean; onPin: (pin: string) => Promise<"ok" | "wrong"> }) {
  const t = useTranslations("Field");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      data-testid="field-pin-form"
      className="max-w-sm space-y-3 rounded border border-line p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const pin = String(new FormData(event.currentTarget).get("pin") ?? "");
        if (pin.length < 6) return setError("Field.pinTooShort");
        setBusy(true);
        void onPin(pin).then((result) => {
          setBusy(false);
          setError(result === "wrong" ? "Field.pinWrong" : undefined);
        });
      }}
    >
      <p>{creating ? t("pinChooseIntro") : t("pinEnterIntro")}</p>
      <Field id="field-pin" label={creating ? t("pinChoose") : t("pinEnter")} error={error}>
        {(describedBy, invalid) => <input id="field-pin" name="pin" type="password" inputMode="numeric" autoComplete="off" aria-describedby={describedBy} aria-invalid={invalid} className={inputClassName} dir="ltr" />}
      </Field>
      <button type="submit" disabled={busy} className="rounded bg-accent px-4 py-2 font-medium text-white disabled:opacity-60">
        {t("unlock")}
      </button>
    </form>
  );
}
