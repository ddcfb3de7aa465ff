"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { KnownSite } from "@/lib/field/device-state";
import { parseOffline } from "@/lib/field/device-state";
import { remainsCodeOf } from "@/lib/field/schemas";
import { MAX_PHOTO_BYTES } from "@/lib/belongings/photo-limits";
import { createRemainsSchema, type CreateRemainsValues } from "@/lib/forensic/schemas/remains";
import { PERSONAL_EFFECT_KINDS, REMAINS_CONDITIONS, SEXES } from "@/lib/forensic/vocabulary";
import { FormCard, Input, PhotoInput, Select, TextArea, numberOrNull, text } from "./inputs";

/** A photograph of the effect at this index of the form, taken or chosen with it. */
export interface EffectPhoto {
  effectIndex: number;
  file: File;
}

/** The photographs given in the effect rows; a file too large for the server is refused here already. */
function photosOf(form: FormData, effectRows: number): { photos: EffectPhoto[]; errors: Record<string, string> } {
  const photos: EffectPhoto[] = [];
  const errors: Record<string, string> = {};
  for (let effectIndex = 0; effectIndex < effectRows; effectIndex += 1) {
    for (const name of [`effectCamera${effectIndex}`, `effectFile${effectIndex}`]) {
      const file = form.get(name);
      if (!(file instanceof File) || file.size === 0) continue;
      if (file.size > MAX_PHOTO_BYTES) errors[name] = "Belongings.photoRefusals.tooLarge";
      else photos.push({ effectIndex, file });
    }
  }
  return { photos, errors };
}

/**
 * A body at a site, recorded offline: the code comes from the block this device reserved for the
 * site, so no other device can suggest it. Its effects are written as leads, as on the online form.
 */
export function BodyCaptureForm(props: { sites: KnownSite[]; online: boolean; onReserve: (site: KnownSite) => Promise<void>; onQueue: (values: CreateRemainsValues, site: KnownSite, photos: EffectPhoto[]) => Promise<void> }) {
  const t = useTranslations("Field");
  const forensic = useTranslations("Forensic");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [siteRef, setSiteRef] = useState(props.sites[0]?.ref ?? "");
  const [effectRows, setEffectRows] = useState(0);
  const site = props.sites.find((candidate) => candidate.ref === siteRef) ?? props.sites[0];
  if (!site) return <p className="rounded border border-line p-4">{t("noSites")}</p>;
  const hasCode = site.nextBody <= site.lastBody;

  async function submit(form: FormData, element: HTMLFormElement) {
    if (!site) return;
    const effects = Array.from({ length: effectRows }, (_, index) => ({ effectId: null, kind: text(form, `effectKind${index}`), description: text(form, `effectDescription${index}`) }));
    const values = {
      siteId: site.ref, code: text(form, "code"), recoveredOn: text(form, "recoveredOn"), estimatedSex: text(form, "estimatedSex"),
      ageMin: numberOrNull(form, "ageMin"), ageMax: numberOrNull(form, "ageMax"), condition: text(form, "condition"),
      storageLocation: text(form, "storageLocation"), notes: text(form, "notes"), effects,
    };
    const parsed = parseOffline(createRemainsSchema, values);
    const photos = photosOf(form, effectRows);
    if (!parsed.ok || Object.keys(photos.errors).length > 0) return setErrors({ ...(parsed.ok ? {} : parsed.fieldErrors), ...photos.errors });
    setErrors({});
    await props.onQueue(parsed.data, site, photos.photos);
    element.reset();
    setEffectRows(0);
  }

  return (
    <FormCard title={t("bodyTitle")} testId="field-body-form" submitLabel={t("queue")} onSubmit={(form, element) => void submit(form, element)}>
      <Select scope="body" name="siteRef" label={t("site")} errors={errors} options={props.sites.map((choice) => ({ value: choice.ref, label: `${choice.code} — ${choice.name}` }))} defaultValue={site.ref} onChange={setSiteRef} />
      {hasCode ? (
        <Input scope="body" name="code" label={t("bodyCode")} errors={errors} defaultValue={remainsCodeOf(site.code, site.nextBody)} key={`${site.ref}-${site.nextBody}`} dir="ltr" required />
      ) : (
        <div className="space-y-2" data-testid="field-no-body-codes">
          <p>{t("noBodyCodes")}</p>
          <button type="button" disabled={!props.online} onClick={() => void props.onReserve(site)} className="rounded border border-line px-3 py-2 disabled:opacity-60">
            {t("reserveCodes")}
          </button>
        </div>
      )}
      <Input scope="body" name="recoveredOn" label={t("recoveredOn")} errors={errors} type="date" required />
      <Select scope="body" name="estimatedSex" label={t("estimatedSex")} errors={errors} options={SEXES.map((sex) => ({ value: sex, label: forensic(`sexes.${sex}`) }))} />
      <Input scope="body" name="ageMin" label={t("ageMin")} errors={errors} type="number" dir="ltr" />
      <Input scope="body" name="ageMax" label={t("ageMax")} errors={errors} type="number" dir="ltr" />
      <Select scope="body" name="condition" label={t("condition")} errors={errors} options={REMAINS_CONDITIONS.map((condition) => ({ value: condition, label: forensic(`conditions.${condition}`) }))} />
      <Input scope="body" name="storageLocation" label={t("storageLocation")} errors={errors} />
      <TextArea scope="body" name="notes" label={t("notes")} errors={errors} />
      <fieldset className="space-y-3">
        <legend className="font-medium">{t("effects")}</legend>
        {Array.from({ length: effectRows }, (_, index) => (
          <div key={index} className="grid gap-2 sm:grid-cols-2">
            <Select scope="body" name={`effectKind${index}`} label={t("effectKind", { number: index + 1 })} errors={errors} options={PERSONAL_EFFECT_KINDS.map((kind) => ({ value: kind, label: forensic(`effectKinds.${kind}`) }))} />
            <Input scope="body" name={`effectDescription${index}`} label={t("effectDescription", { number: index + 1 })} errors={{ [`effectDescription${index}`]: errors[`effects.${index}.description`] ?? "" }} />
            <PhotoInput scope="body" name={`effectCamera${index}`} label={t("effectCamera", { number: index + 1 })} errors={errors} camera />
            <PhotoInput scope="body" name={`effectFile${index}`} label={t("effectFile", { number: index + 1 })} errors={errors} camera={false} />
          </div>
        ))}
        <button type="button" onClick={() => setEffectRows(effectRows + 1)} className="rounded border border-line px-3 py-2">
          {t("addEffect")}
        </button>
      </fieldset>
    </FormCard>
  );
}
