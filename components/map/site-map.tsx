"use client";

import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import type { SiteMapProps } from "./map-props";

// Leaflet touches `window` when it loads and weighs more than the rest of the page: it comes in its
// own chunk, on the client only, after the figures have been painted.
const LeafletSiteMap = dynamic(() => import("./leaflet-site-map"), { ssr: false });

/**
 * The map's box has a fixed height from the first byte, so nothing moves when Leaflet arrives; until
 * then (and without JavaScript) the server-drawn outline in `placeholder` shows where the sites are.
 */
export function SiteMap({ placeholder, ...props }: SiteMapProps & { placeholder: ReactNode }) {
  return (
    <div className="relative h-[22rem] overflow-hidden rounded-lg border border-line bg-[#dbe7ea] sm:h-[28rem]">
      <div className="absolute inset-0" aria-hidden="true">
        {placeholder}
      </div>
      <LeafletSiteMap {...props} />
    </div>
  );
}
