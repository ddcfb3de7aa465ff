"use client";

import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import L from "leaflet";
// A plugin that extends the global L that the import above defines: the order matters.
import "leaflet.markercluster";
import { useEffect, useRef, useState } from "react";
import type { PublicGraveSite } from "@/lib/public/sites";
import { clusterIcon, outlineLayer, siteIcon, sitePopup, tarhunaLabel } from "./leaflet-layers";
import type { SiteMapProps } from "./map-props";

/** Near enough to tell the sites apart, far enough to keep the town in view. */
const SITES_MAX_ZOOM = 12;
const NATURAL_EARTH_ATTRIBUTION = '<a href="https://www.naturalearthdata.com/">Natural Earth</a>';

function siteMarkers(props: SiteMapProps): L.MarkerClusterGroup {
  const siteOf = new Map<L.Marker, PublicGraveSite>();
  const group = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 48,
    iconCreateFunction: (cluster) => {
      const sites = cluster.getAllChildMarkers().flatMap((marker) => siteOf.get(marker) ?? []);
      return clusterIcon(sites, props.labels, props.locale);
    },
  });
  for (const site of props.sites) {
    const marker = L.marker([site.latitude, site.longitude], { icon: siteIcon(site, props.labels, props.locale) });
    marker.bindPopup(() => sitePopup(site, props.labels, props.locale));
    siteOf.set(marker, site);
    group.addLayer(marker);
  }
  return group;
}

function createMap(container: HTMLElement, props: SiteMapProps, onTilesFailed: () => void): L.Map {
  const map = L.map(container, { zoomControl: false, minZoom: 4, maxZoom: 18 });
  L.control.zoom({ zoomInTitle: props.labels.zoomIn, zoomOutTitle: props.labels.zoomOut }).addTo(map);
  map.attributionControl.addAttribution(NATURAL_EARTH_ATTRIBUTION);
  outlineLayer(map, props.outline).addTo(map);
  tarhunaLabel(props.labels).addTo(map);
  siteMarkers(props).addTo(map);

  const siteBounds = L.latLngBounds(props.sites.map((site) => [site.latitude, site.longitude]));
  const showCountry = () => map.fitBounds(props.outline.bounds);
  if (props.tiles && siteBounds.isValid()) {
    map.fitBounds(siteBounds, { padding: [32, 32], maxZoom: SITES_MAX_ZOOM });
    let tileLoaded = false;
    const tileLayer = L.tileLayer(props.tiles.url, { attribution: props.tiles.attribution, maxZoom: 18 });
    tileLayer.on("tileload", () => (tileLoaded = true));
    // Offline, or the tile server refuses us: step back to the whole country, where the outline says where.
    tileLayer.once("tileerror", () => {
      if (tileLoaded) return;
      showCountry();
      onTilesFailed();
    });
    tileLayer.addTo(map);
  } else {
    showCountry();
  }
  return map;
}

export default function LeafletSiteMap(props: SiteMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  const { sites, outline, tiles, labels, locale } = props;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createMap(container, { sites, outline, tiles, labels, locale }, () => setTilesFailed(true));
    return () => {
      map.remove();
    };
  }, [sites, outline, tiles, labels, locale]);

  return (
    <>
      <div
        ref={containerRef}
        role="region"
        aria-label={labels.region}
        data-testid="site-map"
        data-tiles={tiles ? "on" : "off"}
        className="absolute inset-0 !bg-[#dbe7ea] font-sans"
      />
      {tilesFailed && (
        <p role="status" data-testid="map-tiles-unavailable" className="absolute bottom-2 left-2 z-[1000] max-w-[60%] rounded bg-white/90 px-2 py-1 text-xs text-ink shadow">
          {labels.tilesUnavailable}
        </p>
      )}
    </>
  );
}
