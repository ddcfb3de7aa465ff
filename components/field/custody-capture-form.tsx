"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { KnownBody } from "@/lib/field/device-state";
import { parseOffline } from "@/lib/field/device-state";
import { recordCustodyEventSchema, type RecordCustodyEventValues } from "@/lib/forensic/schemas/custody";
import { CUSTODY_ACTIONS } from "@/lib/forensic/vocabulary";
import { FormCard, Input, Select, TextArea, text } from "./inputs";

/** A custody event of a body recorded on this device: handed from whom to whom, where and when. */
export function CustodyCaptureForm({ bodies, onQueue }: { bodies: KnownBody[]; onQueue: (values: RecordCustodyEventValues, body: KnownBody) => Promise<void> }) {
  const t = useTranslations("Field");
  const custody = useTranslations("Custody");
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (bodies.length === 0) return null;

  async function submit(form: FormData, element: HTMLFormElement) {
    const body = bodies.find((candidate) => candidate.ref === text(form, "remainsRef"));
    if (!body) return;
    const values = {
      remainsId: body.ref, sampleId: null, action: text(form, "action"), fromParty: text(form, "fromParty"), toParty: text(form, "toParty"),
      place: text(form, "place"), occurredAt: text(form, "occurredAt"), notes: text(form, "custodyNotes"), correctsEventId: null,
    };
    const parsed = parseOffline(recordCustodyEventSchema, values);
    if (!parsed.ok) return setErrors({ ...parsed.fieldErrors, custodyNotes: parsed.fieldErrors.notes ?? "" });
    setErrors({});
    await onQueue(parsed.data, body);
    element.reset();
  }

  return (
    <FormCard title={t("custodyTitle")} testId="field-custody-form" submitLabel={t("queue")} onSubmit={(form, element) => void submit(form, element)}>
      <Select scope="custody" name="remainsRef" label={t("body")} errors={errors} options={bodies.map((body) => ({ value: body.ref, label: body.code }))} />
      <Select scope="custody" name="action" label={custody("action")} errors={errors} options={CUSTODY_ACTIONS.map((action) => ({ value: action, label: custody(`actions.${action}`) }))} />
      <Input scope="custody" name="fromParty" label={custody("fromParty")} errors={errors} />
      <Input scope="custody" name="toParty" label={custody("toParty")} errors={errors} />
      <Input scope="custody" name="place" label={custody("place")} errors={errors} />
      <Input scope="custody" name="occurredAt" label={custody("occurredAt")} errors={errors} type="datetime-local" dir="ltr" required />
      <TextArea scope="custody" name="custodyNotes" label={custody("notes")} errors={errors} />
    </FormCard>
  );
}
