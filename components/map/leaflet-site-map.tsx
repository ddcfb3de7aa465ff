"use client";

import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef, useState } from "react";
import Supercluster, { type ClusterProperties } from "supercluster";
import { clusterIcon, outlineLayer, siteIcon, sitePopup, tarhunaLabel } from "./leaflet-layers";
import type { SiteMapProps } from "./map-props";
import { TARHUNA_GEONAME_ID } from "@/lib/map/offline-basemap";
import { LEAFLET_PREFIX, offlineBasemapOnDemand } from "./deferred-basemap";

/** Near enough to tell the sites apart, far enough to keep the town in view. */
const SITES_MAX_ZOOM = 12;
const MAP_MAX_ZOOM = 18;
/** Sites closer than this many screen pixels share one badge. */
const CLUSTER_RADIUS = 48;
const WHOLE_WORLD: [number, number, number, number] = [-180, -85, 180, 85];

/**
 * The sites as markers, those that crowd together at the current zoom as one badge with their count
 * (supercluster: a few kB, where a Leaflet clustering plugin weighs several times more). A badge
 * zooms in until its sites come apart. Markers are made once per site and kept while they stay on
 * the map, so an open popup survives a zoom that leaves its site alone.
 */
function siteMarkers(map: L.Map, props: SiteMapProps): L.LayerGroup {
  const index = new Supercluster<{ site: number }>({
    // Leaflet's tiles are 256 px: with that extent the radius is in screen pixels.
    extent: 256,
    radius: CLUSTER_RADIUS,
    maxZoom: MAP_MAX_ZOOM - 1,
  });
  index.load(
    props.sites.map((site, position) => ({
      type: "Feature" as const,
      properties: { site: position },
      geometry: { type: "Point" as const, coordinates: [site.longitude, site.latitude] },
    })),
  );
  const siteMarker = props.sites.map((site) => {
    const marker = L.marker([site.latitude, site.longitude], { icon: siteIcon(site, props.labels, props.locale) });
    return marker.bindPopup(() => sitePopup(site, props.labels, props.locale));
  });
  const group = L.layerGroup();
  let shown = new Map<string, L.Marker>();

  const clusterMarker = (id: number, latitude: number, longitude: number) => {
    const sites = index.getLeaves(id, Infinity).flatMap((leaf) => props.sites[leaf.properties.site] ?? []);
    const marker = L.marker([latitude, longitude], { icon: clusterIcon(sites, props.labels, props.locale) });
    marker.on("click", () => {
      map.setView([latitude, longitude], Math.min(index.getClusterExpansionZoom(id), MAP_MAX_ZOOM));
    });
    return marker;
  };

  const update = () => {
    const next = new Map<string, L.Marker>();
    for (const feature of index.getClusters(WHOLE_WORLD, Math.round(map.getZoom()))) {
      const [longitude, latitude] = feature.geometry.coordinates as [number, number];
      const properties: Partial<ClusterProperties> & { site?: number } = feature.properties;
      if (properties.cluster_id !== undefined) {
        const key = `cluster:${properties.cluster_id}`;
        next.set(key, shown.get(key) ?? clusterMarker(properties.cluster_id, latitude, longitude));
      } else {
        const marker = properties.site === undefined ? undefined : siteMarker[properties.site];
        if (marker) next.set(`site:${properties.site}`, marker);
      }
    }
    for (const [key, marker] of shown) if (!next.has(key)) group.removeLayer(marker);
    for (const [key, marker] of next) if (!shown.has(key)) group.addLayer(marker);
    shown = next;
  };
  map.on("zoomend", update);
  map.whenReady(update);
  return group;
}

function createMap(container: HTMLElement, props: SiteMapProps, onTilesFailed: () => void, onBasemapLoaded: () => void): L.Map {
  const map = L.map(container, { zoomControl: false, minZoom: 4, maxZoom: MAP_MAX_ZOOM });
  L.control.zoom({ zoomInTitle: props.labels.zoomIn, zoomOutTitle: props.labels.zoomOut }).addTo(map);
  map.attributionControl.setPrefix(LEAFLET_PREFIX);
  // The outline (Natural Earth too), then the registry's own offline basemap of towns and coast
  // (fetched when a tile fails or no tile server is set), lie beneath the tile server's tiles: what
  // shows when those cannot load.
  outlineLayer(map, props.outline).addTo(map);
  map.createPane("basemap").style.zIndex = "160";
  const basemap = offlineBasemapOnDemand(map, { locale: props.locale, pane: "basemap", omitLabel: TARHUNA_GEONAME_ID, onLoaded: onBasemapLoaded });
  tarhunaLabel(props.labels).addTo(map);
  siteMarkers(map, props).addTo(map);

  const siteBounds = L.latLngBounds(props.sites.map((site) => [site.latitude, site.longitude]));
  const showCountry = () => map.fitBounds(props.outline.bounds);
  if (props.tiles && siteBounds.isValid()) {
    map.fitBounds(siteBounds, { padding: [32, 32], maxZoom: SITES_MAX_ZOOM });
    let tileLoaded = false;
    const tileLayer = L.tileLayer(props.tiles.url, { attribution: props.tiles.attribution, maxZoom: MAP_MAX_ZOOM });
    tileLayer.on("tileload", () => (tileLoaded = true));
    // A tile that does not load leaves a hole: the basemap fills it from then on.
    tileLayer.on("tileerror", () => basemap.now());
    // Offline, or the tile server refuses us: step back to the whole country, where the outline says where.
    tileLayer.once("tileerror", () => {
      if (tileLoaded) return;
      showCountry();
      onTilesFailed();
    });
    tileLayer.addTo(map);
  } else {
    basemap.now();
    showCountry();
  }
  return map;
}

export default function LeafletSiteMap(props: SiteMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  const [basemapLoaded, setBasemapLoaded] = useState(false);
  const { sites, outline, tiles, labels, locale } = props;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createMap(container, { sites, outline, tiles, labels, locale }, () => setTilesFailed(true), () => setBasemapLoaded(true));
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
        data-basemap={basemapLoaded ? "loaded" : "loading"}
        className="absolute inset-0 !bg-[#dbe7ea] font-sans"
      />
      {/* Above the attribution line, which the data's licence asks to keep in view. */}
      {tilesFailed && (
        <p role="status" data-testid="map-tiles-unavailable" className="absolute bottom-6 left-2 z-[1000] max-w-[60%] rounded bg-white/90 px-2 py-1 text-xs text-ink shadow">
          {labels.tilesUnavailable}
        </p>
      )}
    </>
  );
}
