"use client";

import { useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import type { SiteMapProps } from "./map-props";

/** Start fetching Leaflet a little before the map scrolls into view. */
const LOAD_AHEAD = "200px 0px";

/**
 * The map's box has a fixed height from the first byte, so nothing moves when Leaflet arrives; until
 * then (and without JavaScript) the server-drawn outline in `placeholder` shows where the sites are.
 * Leaflet weighs more than the rest of the page: it comes in its own chunk, on the client only, and
 * only once the box nears the screen, so that a phone reading the figures never waits for it.
 */
export function SiteMap({ placeholder, ...props }: SiteMapProps & { placeholder: ReactNode }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [LeafletSiteMap, setLeafletSiteMap] = useState<ComponentType<SiteMapProps> | null>(null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    let cancelled = false;
    const load = () => {
      // If the chunk cannot load (offline), the outline stays: the table below has the same sites.
      import("./leaflet-site-map")
        .then((module) => {
          if (!cancelled) setLeafletSiteMap(() => module.default);
        })
        .catch(() => undefined);
    };
    if (typeof IntersectionObserver === "undefined") {
      load();
      return () => {
        cancelled = true;
      };
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        load();
      },
      { rootMargin: LOAD_AHEAD },
    );
    observer.observe(box);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, []);

  return (
    <div
      ref={boxRef}
      data-testid="site-map-box"
      className="relative h-[22rem] overflow-hidden rounded-lg border border-line bg-[#dbe7ea] sm:h-[28rem]"
    >
      <div className="absolute inset-0" aria-hidden="true">
        {placeholder}
      </div>
      {LeafletSiteMap && <LeafletSiteMap {...props} />}
    </div>
  );
}
