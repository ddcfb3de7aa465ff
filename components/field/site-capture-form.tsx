"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { parseOffline } from "@/lib/field/device-state";
import { siteCodeOf } from "@/lib/field/schemas";
import { createGraveSiteSchema, type CreateGraveSiteValues } from "@/lib/forensic/schemas/grave-site";
import { GRAVE_SITE_STATUSES } from "@/lib/forensic/vocabulary";
import { FormCard, Input, Select, TextArea, numberOrNull, text } from "./inputs";

interface Position {
  latitude: number;
  longitude: number;
  accuracy: number;
}

/** A new grave site, recorded offline with the device's GPS position and its accuracy. */
export function SiteCaptureForm({ siteNumber, onQueue }: { siteNumber: number | null; onQueue: (values: CreateGraveSiteValues, accuracy: number | null) => Promise<void> }) {
  const t = useTranslations("Field");
  const statuses = useTranslations("SiteStatus");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [position, setPosition] = useState<Position | null>(null);
  const [positionError, setPositionError] = useState(false);
  if (siteNumber === null) return <p className="rounded border border-line p-4" data-testid="field-no-site-codes">{t("noSiteCodes")}</p>;

  function locate() {
    setPositionError(false);
    navigator.geolocation.getCurrentPosition(
      (found) => setPosition({ latitude: found.coords.latitude, longitude: found.coords.longitude, accuracy: found.coords.accuracy }),
      () => setPositionError(true),
      { enableHighAccuracy: true, timeout: 30_000 },
    );
  }

  async function submit(form: FormData, element: HTMLFormElement) {
    const values = {
      code: text(form, "code"), nameAr: text(form, "nameAr"), nameEn: text(form, "nameEn"), description: text(form, "description"),
      discoveredOn: text(form, "discoveredOn"), status: text(form, "status"), latitude: numberOrNull(form, "latitude"), longitude: numberOrNull(form, "longitude"),
      confirmFarFromTarhuna: form.get("confirmFarFromTarhuna") === "on", isPublic: false, exactLocationPublic: false,
    };
    const parsed = parseOffline(createGraveSiteSchema, values);
    if (!parsed.ok) return setErrors(parsed.fieldErrors);
    setErrors({});
    await onQueue(parsed.data, position?.accuracy ?? null);
    element.reset();
    setPosition(null);
  }

  return (
    <FormCard title={t("siteTitle")} testId="field-site-form" submitLabel={t("queue")} onSubmit={(form, element) => void submit(form, element)}>
      <Input scope="site" name="code" label={t("siteCode")} errors={errors} defaultValue={siteCodeOf(siteNumber)} key={siteNumber} dir="ltr" required />
      <Input scope="site" name="nameAr" label={t("nameAr")} errors={errors} required />
      <Input scope="site" name="nameEn" label={t("nameEn")} errors={errors} required />
      <TextArea scope="site" name="description" label={t("description")} errors={errors} />
      <Input scope="site" name="discoveredOn" label={t("discoveredOn")} errors={errors} type="date" required />
      <Select scope="site" name="status" label={t("status")} errors={errors} options={GRAVE_SITE_STATUSES.map((status) => ({ value: status, label: statuses(status) }))} />
      <div className="space-y-2">
        <button type="button" onClick={locate} className="rounded border border-line px-3 py-2">
          {t("useGps")}
        </button>
        <p role="status" data-testid="field-gps-accuracy">
          {position ? t("gpsAccuracy", { metres: Math.round(position.accuracy) }) : positionError ? t("gpsUnavailable") : ""}
        </p>
      </div>
      <Input scope="site" name="latitude" label={t("latitude")} errors={errors} type="number" step="any" dir="ltr" defaultValue={position?.latitude} key={`lat-${position?.latitude}`} />
      <Input scope="site" name="longitude" label={t("longitude")} errors={errors} type="number" step="any" dir="ltr" defaultValue={position?.longitude} key={`lon-${position?.longitude}`} />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="confirmFarFromTarhuna" />
        {t("confirmFar")}
      </label>
      {errors.confirmFarFromTarhuna ? <p className="text-sm text-red-800">{t("confirmFarNeeded")}</p> : null}
    </FormCard>
  );
}
