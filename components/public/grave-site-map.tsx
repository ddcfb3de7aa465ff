import { getTranslations } from "next-intl/server";
import { LibyaOutlineSvg } from "@/components/map/libya-outline-svg";
import { MapLegend } from "@/components/map/map-legend";
import type { SiteMapLabels } from "@/components/map/map-props";
import { SiteMap } from "@/components/map/site-map";
import { GRAVE_SITE_STATUSES } from "@/components/map/status-colours";
import type { Locale } from "@/lib/i18n/routing";
import { getLibyaOutline } from "@/lib/map/libya-outline";
import { readMapTiles } from "@/lib/map/tiles";
import type { PublicGraveSite } from "@/lib/public/sites";

async function siteMapLabels(): Promise<SiteMapLabels> {
  const [t, status, home] = await Promise.all([
    getTranslations("Map"),
    getTranslations("SiteStatus"),
    getTranslations("Home"),
  ]);
  return {
    region: t("region"),
    tarhuna: t("tarhuna"),
    zoomIn: t("zoomIn"),
    zoomOut: t("zoomOut"),
    tilesUnavailable: t("tilesUnavailable"),
    statuses: Object.fromEntries(GRAVE_SITE_STATUSES.map((value) => [value, status(value)])) as SiteMapLabels["statuses"],
    // Left with their placeholders: the client fills them per marker.
    siteCounts: t.raw("siteCounts") as string,
    clusterCounts: t.raw("clusterCounts") as string,
    bodiesRecovered: home("siteBodiesRecovered"),
    identified: home("siteIdentified"),
    status: home("siteStatus"),
  };
}

/** The grave sites on a map (tiles when configured, Libya's outline always) with its legend. */
export async function GraveSiteMap({ sites, locale }: { sites: PublicGraveSite[]; locale: Locale }) {
  const labels = await siteMapLabels();
  const outline = getLibyaOutline();
  return (
    <div className="space-y-3">
      <SiteMap
        sites={sites}
        outline={outline}
        tiles={readMapTiles()}
        labels={labels}
        locale={locale}
        placeholder={<LibyaOutlineSvg outline={outline} tarhunaLabel={labels.tarhuna} />}
      />
      <MapLegend />
    </div>
  );
}
