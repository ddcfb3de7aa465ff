"use client";

import { useLocale, useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { TextInput } from "@/components/forms/text-input";
import { useMessage } from "@/components/forms/use-message";
import { distanceFromTarhunaKm, isFarFromTarhuna } from "@/lib/forensic/geography";
import type { CreateGraveSiteValues } from "@/lib/forensic/schemas/grave-site";
import type { CountryOutline } from "@/lib/map/libya-outline";
import type { MapTiles } from "@/lib/map/tiles";
import { numberOrNaN } from "./choices";
import { LocationMap } from "./location-map";
import { UseMyPositionButton } from "./use-my-position";

export interface MapSetting {
  outline: CountryOutline;
  tiles: MapTiles | null;
}

const finiteOrNull = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** Latitude and longitude, typed or set by a click on the map; a far point asks for confirmation. */
export function SiteLocationFields({ map }: { map: MapSetting }) {
  const t = useTranslations("GraveSites");
  const locale = useLocale() === "en" ? "en" : "ar";
  const message = useMessage();
  const { register, setValue, watch, formState } = useFormContext<CreateGraveSiteValues>();
  const latitude = finiteOrNull(watch("latitude"));
  const longitude = finiteOrNull(watch("longitude"));
  const far = latitude !== null && longitude !== null && isFarFromTarhuna(latitude, longitude);
  const pick = (pickedLatitude: number, pickedLongitude: number) => {
    const options = { shouldDirty: true, shouldValidate: true, shouldTouch: true } as const;
    // About a metre: more digits than a click can mean.
    setValue("latitude", Number(pickedLatitude.toFixed(5)), options);
    setValue("longitude", Number(pickedLongitude.toFixed(5)), options);
  };
  const confirmError = formState.errors.confirmFarFromTarhuna?.message;
  return (
    <fieldset className="space-y-3">
      <legend className="font-medium">{t("location")}</legend>
      <p className="text-sm text-muted">{t("locationHint")}</p>
      <LocationMap latitude={latitude} longitude={longitude} onPick={pick} outline={map.outline} tiles={map.tiles} labels={{ map: t("mapLabel"), offline: t("mapOffline") }} locale={locale} />
      <UseMyPositionButton onPosition={pick} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput id="latitude" label={t("latitude")} type="number" dir="ltr" required registration={register("latitude", { setValueAs: numberOrNaN })} error={formState.errors.latitude?.message} />
        <TextInput id="longitude" label={t("longitude")} type="number" dir="ltr" required registration={register("longitude", { setValueAs: numberOrNaN })} error={formState.errors.longitude?.message} />
      </div>
      {latitude !== null && longitude !== null && (
        <p className="text-sm text-muted" data-testid="distance-from-tarhuna">
          {t("distance", { distance: Math.round(distanceFromTarhunaKm(latitude, longitude)) })}
        </p>
      )}
      {(far || confirmError) && (
        <div className="space-y-1">
          <label className="flex items-center gap-2">
            <input type="checkbox" id="confirmFarFromTarhuna" aria-invalid={Boolean(confirmError)} {...register("confirmFarFromTarhuna")} />
            {t("confirmFar")}
          </label>
          {confirmError && <p className="text-sm font-medium text-red-800">{message(confirmError)}</p>}
        </div>
      )}
    </fieldset>
  );
}
