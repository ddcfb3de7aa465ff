"use client";

import dynamic from "next/dynamic";
import type { LocationMapProps } from "./location-map-props";

// Leaflet needs `window`: it loads on the client only, in its own chunk.
const LeafletLocationMap = dynamic(() => import("./leaflet-location-map"), { ssr: false });

/** A fixed-height box, so the form does not jump when the map arrives. */
export function LocationMap(props: LocationMapProps) {
  return (
    <div className="relative h-72 overflow-hidden rounded border border-line bg-[#dbe7ea]">
      <LeafletLocationMap {...props} />
    </div>
  );
}
