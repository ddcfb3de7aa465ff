"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import type { CreateGraveSiteValues } from "@/lib/forensic/schemas/grave-site";

/** Whether the public sees the site, and how precisely: a decision staff take, recorded in the audit log. */
export function SitePublicationFields() {
  const t = useTranslations("GraveSites");
  const { register } = useFormContext<CreateGraveSiteValues>();
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">{t("publication")}</legend>
      <label className="flex items-start gap-2">
        <input type="checkbox" id="isPublic" className="mt-1" aria-describedby="isPublic-hint" {...register("isPublic")} />
        <span>{t("isPublic")}</span>
      </label>
      <p id="isPublic-hint" className="text-sm text-muted">{t("isPublicHint")}</p>
      <label className="flex items-start gap-2">
        <input type="checkbox" id="exactLocationPublic" className="mt-1" {...register("exactLocationPublic")} />
        <span>{t("exactLocationPublic")}</span>
      </label>
    </fieldset>
  );
}
