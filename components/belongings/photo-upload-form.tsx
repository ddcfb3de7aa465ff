"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/forms/field";
import { HydratedForm } from "@/components/forms/hydrated-form";
import { primaryButtonClassName } from "@/components/users/button-class";
import { MAX_PHOTO_BYTES, PHOTO_REFUSALS, type PhotoRefusal } from "@/lib/belongings/photo-limits";
import { FileChooser } from "@/components/forms/file-chooser";

type Outcome = { kind: "kept"; sha256: string } | { kind: "refused"; reason: PhotoRefusal | "failed" } | null;

function refusalOf(answer: unknown): PhotoRefusal | "failed" {
  const error = typeof answer === "object" && answer !== null && "error" in answer ? answer.error : null;
  return (PHOTO_REFUSALS as readonly unknown[]).includes(error) ? (error as PhotoRefusal) : "failed";
}

/**
 * One photograph of one effect, from a file or the device camera (`capture` opens the camera on a
 * phone or tablet), sent to the upload route; the server decides and the refusal is shown in words.
 */
export function PhotoUploadForm({ effectId }: { effectId: string }) {
  const t = useTranslations("Belongings");
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [sending, setSending] = useState(false);
  const id = `photo-${effectId}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) return setOutcome({ kind: "refused", reason: "missingFile" });
    if (file.size > MAX_PHOTO_BYTES) return setOutcome({ kind: "refused", reason: "tooLarge" });
    const body = new FormData();
    body.set("effectId", effectId);
    body.set("file", file);
    setSending(true);
    try {
      const response = await fetch("/api/staff/effect-photos", { method: "POST", body });
      const answer: unknown = await response.json().catch(() => null);
      if (response.ok && typeof answer === "object" && answer !== null && "sha256" in answer && typeof answer.sha256 === "string") {
        setOutcome({ kind: "kept", sha256: answer.sha256 });
        router.refresh();
      } else {
        setOutcome({ kind: "refused", reason: refusalOf(answer) });
      }
    } finally {
      setSending(false);
    }
  }

  const error = outcome?.kind === "refused" ? `Belongings.photoRefusals.${outcome.reason}` : undefined;
  return (
    <HydratedForm onSubmit={(event) => void submit(event)} className="flex flex-wrap items-end gap-3" data-testid="photo-upload">
      <Field id={id} label={t("uploadLabel")} hint={t("uploadHint")} error={error}>
        {(describedBy, invalid) => (
          <FileChooser id={id} name="file" accept="image/*" capture="environment" aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <button type="submit" className={primaryButtonClassName} disabled={sending}>
        {sending ? t("uploading") : t("uploadButton")}
      </button>
      {outcome?.kind === "kept" && (
        <p role="status" className="w-full text-sm" data-testid="photo-kept">
          {t("uploaded", { sha256: outcome.sha256 })}
        </p>
      )}
    </HydratedForm>
  );
}
