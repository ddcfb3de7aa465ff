import { getTranslations } from "next-intl/server";
import { GRAVE_SITE_STATUSES, STATUS_COLOURS } from "./status-colours";

/** What the marker colours and numbers mean, in the page's text rather than inside the map. */
export async function MapLegend() {
  const [t, status] = await Promise.all([getTranslations("Map"), getTranslations("SiteStatus")]);
  return (
    <div className="space-y-2 text-sm" data-testid="map-legend">
      <h3 className="font-semibold">{t("legendHeading")}</h3>
      <p className="flex flex-wrap items-center gap-2">
        <span
          aria-hidden="true"
          dir="ltr"
          className="inline-flex h-7 w-16 items-center justify-center gap-1 rounded-full bg-ink text-xs font-semibold text-white"
        >
          <span>24</span>
          <span className="opacity-80">·</span>
          <span>3</span>
        </span>
        <span>{t("legendMarker")}</span>
      </p>
      <p className="flex flex-wrap items-center gap-2">
        <span
          aria-hidden="true"
          className="inline-flex h-9 w-9 items-center justify-center rounded-full border-4 border-white/70 bg-ink text-xs font-semibold text-white"
        >
          3
        </span>
        <span>{t("legendCluster")}</span>
      </p>
      <p id="map-legend-status">{t("legendStatus")}</p>
      <ul aria-labelledby="map-legend-status" className="flex flex-wrap gap-x-4 gap-y-1">
        {GRAVE_SITE_STATUSES.map((siteStatus) => (
          <li key={siteStatus} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: STATUS_COLOURS[siteStatus] }} />
            {status(siteStatus)}
          </li>
        ))}
      </ul>
    </div>
  );
}
