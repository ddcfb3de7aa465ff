"use client";

import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef, useState } from "react";
import { outlineLayer } from "@/components/map/leaflet-layers";
import { LEAFLET_PREFIX, offlineBasemapOnDemand } from "@/components/map/deferred-basemap";
import { TARHUNA } from "@/lib/map/places";
import type { LocationMapProps } from "./location-map-props";

/** A site's point, close enough to see where it lies. */
const SITE_ZOOM = 10;
/** No point yet: Tarhuna with the towns around it (the offline basemap names them), to click in. */
const AREA_ZOOM = 9;
const POINT_STYLE = { radius: 8, color: "#ffffff", weight: 2, fillColor: "#a1440b", fillOpacity: 1 };

function pointOf(latitude: number | null, longitude: number | null): L.LatLngTuple | null {
  if (latitude === null || longitude === null || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  return [latitude, longitude];
}

function createMap(container: HTMLElement, props: LocationMapProps, onTilesFailed: () => void, onBasemapLoaded: () => void): L.Map {
  const point = pointOf(props.latitude, props.longitude);
  const map = L.map(container, { minZoom: 5, maxZoom: 18 }).setView(point ?? [TARHUNA.latitude, TARHUNA.longitude], point ? SITE_ZOOM : AREA_ZOOM);
  map.attributionControl.setPrefix(LEAFLET_PREFIX);
  // The outline, then the registry's own offline basemap (fetched when a tile fails or no tile
  // server is set), lie beneath the tiles: they are the map when the tiles cannot load (offline).
  outlineLayer(map, props.outline).addTo(map);
  map.createPane("basemap").style.zIndex = "160";
  const basemap = offlineBasemapOnDemand(map, { locale: props.locale, pane: "basemap", onLoaded: onBasemapLoaded });
  L.circleMarker([TARHUNA.latitude, TARHUNA.longitude], { radius: 4, color: "#1c1917", interactive: false }).addTo(map);
  if (props.tiles) {
    let tileLoaded = false;
    const tiles = L.tileLayer(props.tiles.url, { attribution: props.tiles.attribution, maxZoom: 18 });
    tiles.on("tileload", () => (tileLoaded = true));
    // A tile that does not load leaves a hole: the basemap fills it from then on.
    tiles.on("tileerror", () => basemap.now());
    tiles.once("tileerror", () => {
      if (!tileLoaded) onTilesFailed();
    });
    tiles.addTo(map);
  } else {
    basemap.now();
    onTilesFailed();
  }
  return map;
}

/** Click to place the point (when `onPick` is given); the marker follows typed coordinates too. */
export default function LeafletLocationMap(props: LocationMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markerRef = useRef<L.CircleMarker | null>(null);
  const pickRef = useRef(props.onPick);
  const [tilesFailed, setTilesFailed] = useState(false);
  const [basemapLoaded, setBasemapLoaded] = useState(false);
  const { outline, tiles, latitude, longitude } = props;

  useEffect(() => {
    pickRef.current = props.onPick;
  }, [props.onPick]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createMap(container, { ...props, outline, tiles }, () => setTilesFailed(true), () => setBasemapLoaded(true));
    map.on("click", (event: L.LeafletMouseEvent) => pickRef.current?.(event.latlng.lat, event.latlng.lng));
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
      markerRef.current = null;
    };
    // The map is built once per outline and tile source; the point moves in the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [outline, tiles]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    markerRef.current?.remove();
    const point = pointOf(latitude, longitude);
    markerRef.current = point ? L.circleMarker(point, POINT_STYLE).addTo(map) : null;
  }, [latitude, longitude]);

  return (
    <>
      <div
        ref={containerRef}
        className={`absolute inset-0 !bg-[#dbe7ea] font-sans ${props.onPick ? "cursor-crosshair" : ""}`}
        role="application"
        aria-label={props.labels.map}
        data-testid="location-map"
        data-basemap={basemapLoaded ? "loaded" : "loading"}
      />
      {/* Above the attribution line, which the data's licence asks to keep in view. */}
      {tilesFailed && (
        <p className="absolute inset-x-2 bottom-6 z-[1000] rounded bg-white/90 px-2 py-1 text-xs text-ink shadow" role="status">
          {props.labels.offline}
        </p>
      )}
    </>
  );
}
