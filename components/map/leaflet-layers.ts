import type { Feature, MultiPolygon } from "geojson";
import L from "leaflet";
import { fillTemplate } from "@/lib/i18n/fill-template";
import { formatNumber } from "@/lib/i18n/format";
import type { CountryOutline } from "@/lib/map/libya-outline";
import { TARHUNA } from "@/lib/map/places";
import type { PublicGraveSite } from "@/lib/public/sites";
import type { SiteMapLabels } from "./map-props";
import { STATUS_COLOURS } from "./status-colours";

type Locale = "ar" | "en";

function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  className: string,
  text?: string,
): HTMLElementTagNameMap[Tag] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function siteName(site: PublicGraveSite, locale: Locale): string {
  return locale === "ar" ? site.nameAr : site.nameEn;
}

/** A pill in the site's status colour: bodies recovered, then identified; words for screen readers. */
export function siteIcon(site: PublicGraveSite, labels: SiteMapLabels, locale: Locale): L.DivIcon {
  const body = element("span", "flex h-full items-center justify-center gap-1 rounded-full border-2 border-white text-xs font-semibold text-white shadow tabular-nums");
  body.dataset.siteCode = site.code;
  body.style.backgroundColor = STATUS_COLOURS[site.status];
  body.dir = "ltr";
  const recovered = element("span", "", formatNumber(locale, site.bodiesRecovered));
  const separator = element("span", "opacity-80", "·");
  const identified = element("span", "", formatNumber(locale, site.identified));
  for (const part of [recovered, separator, identified]) part.setAttribute("aria-hidden", "true");
  const description = fillTemplate(labels.siteCounts, { recovered: site.bodiesRecovered, identified: site.identified }, locale);
  const spoken = element("span", "sr-only", `${siteName(site, locale)} (${labels.statuses[site.status]}): ${description}`);
  body.append(recovered, separator, identified, spoken);
  return L.divIcon({ html: body, className: "", iconSize: [64, 28], iconAnchor: [32, 14], popupAnchor: [0, -14] });
}

/** A round badge for sites too close to tell apart at this zoom: how many sites, with their totals in words. */
export function clusterIcon(sites: PublicGraveSite[], labels: SiteMapLabels, locale: Locale): L.DivIcon {
  const recovered = sites.reduce((sum, site) => sum + site.bodiesRecovered, 0);
  const identified = sites.reduce((sum, site) => sum + site.identified, 0);
  const body = element("span", "flex h-full items-center justify-center rounded-full border-4 border-white/70 bg-ink text-sm font-semibold text-white shadow tabular-nums");
  body.dataset.siteCount = String(sites.length);
  const count = element("span", "", formatNumber(locale, sites.length));
  count.setAttribute("aria-hidden", "true");
  const spoken = element(
    "span",
    "sr-only",
    fillTemplate(labels.clusterCounts, { sites: sites.length, recovered, identified }, locale),
  );
  body.append(count, spoken);
  return L.divIcon({ html: body, className: "", iconSize: [44, 44], iconAnchor: [22, 22] });
}

/** Built as DOM nodes, not HTML text, so that nothing in a site's name can become markup. */
export function sitePopup(site: PublicGraveSite, labels: SiteMapLabels, locale: Locale): HTMLElement {
  const root = element("div", "space-y-1 text-sm");
  root.lang = locale;
  root.dir = locale === "ar" ? "rtl" : "ltr";
  root.append(element("p", "!m-0 font-semibold", siteName(site, locale)));
  const list = element("dl", "grid grid-cols-[auto_auto] gap-x-3");
  const rows: Array<[string, string]> = [
    [labels.status, labels.statuses[site.status]],
    [labels.bodiesRecovered, formatNumber(locale, site.bodiesRecovered)],
    [labels.identified, formatNumber(locale, site.identified)],
  ];
  for (const [term, value] of rows) list.append(element("dt", "text-muted", term), element("dd", "font-medium", value));
  root.append(list);
  return root;
}

/** The country's outline in a pane beneath the tiles: covered when they load, the whole map when they don't. */
export function outlineLayer(map: L.Map, outline: CountryOutline): L.GeoJSON {
  const pane = map.createPane("outline");
  pane.style.zIndex = "150";
  const country: Feature<MultiPolygon> = {
    type: "Feature",
    properties: {},
    geometry: { type: "MultiPolygon", coordinates: outline.polygons },
  };
  return L.geoJSON(
    country,
    { pane: "outline", interactive: false, style: { color: "#78716c", weight: 1.5, fillColor: "#f5f0e6", fillOpacity: 1 } },
  );
}

export function tarhunaLabel(labels: SiteMapLabels): L.Marker {
  const label = element("span", "whitespace-nowrap rounded bg-white/90 px-1.5 py-0.5 text-xs font-semibold text-ink shadow-sm", labels.tarhuna);
  return L.marker([TARHUNA.latitude, TARHUNA.longitude], {
    icon: L.divIcon({ html: label, className: "", iconSize: undefined, iconAnchor: [-26, 12] }),
    interactive: false,
    keyboard: false,
    zIndexOffset: -1000,
  });
}
