"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { KnownBody } from "@/lib/field/device-state";
import { parseOffline } from "@/lib/field/device-state";
import { fieldNoteSchema, type FieldNoteValues } from "@/lib/field/schemas";
import { FormCard, Select, TextArea, text } from "./inputs";

/** Notes on a synced body, written over the version the device last saw: a newer one is a conflict. */
export function FieldNoteForm({ bodies, onQueue }: { bodies: KnownBody[]; onQueue: (values: FieldNoteValues, body: KnownBody) => Promise<void> }) {
  const t = useTranslations("Field");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const synced = bodies.filter((body) => body.remainsId !== null && body.version !== null);
  const [chosen, setChosen] = useState(synced[0]?.ref ?? "");
  const body = synced.find((candidate) => candidate.ref === chosen) ?? synced[0];
  if (!body) return null;

  async function submit(form: FormData) {
    if (!body) return;
    const parsed = parseOffline(fieldNoteSchema, { remainsId: body.remainsId, version: body.version, notes: text(form, "fieldNote") });
    if (!parsed.ok) return setErrors({ fieldNote: parsed.fieldErrors.notes ?? "" });
    setErrors({});
    await onQueue(parsed.data, body);
  }

  return (
    <FormCard title={t("noteTitle")} testId="field-note-form" submitLabel={t("queue")} onSubmit={(form) => void submit(form)}>
      <Select scope="note" name="noteBody" label={t("body")} errors={errors} options={synced.map((candidate) => ({ value: candidate.ref, label: candidate.code }))} onChange={setChosen} />
      <TextArea scope="note" name="fieldNote" label={t("notes")} errors={errors} defaultValue={body.notes} key={`${body.ref}-${body.version}`} />
    </FormCard>
  );
}
