"use client";

import { SerwistProvider } from "@serwist/turbopack/react";
import type { ReactNode } from "react";
import { SERVICE_WORKER_URL } from "@/lib/field/offline-shell";

/**
 * Registers the field-capture service worker (lib/field/service-worker.ts) from the field pages only.
 * The provider's extras stay off: caching each visited URL would keep staff pages with personal data,
 * and reloading when the network returns would interrupt the sync that starts then.
 */
export function OfflineWorker({ children }: { children: ReactNode }) {
  return (
    <SerwistProvider swUrl={SERVICE_WORKER_URL} options={{ scope: "/" }} cacheOnNavigation={false} reloadOnOnline={false} disable={process.env.NODE_ENV === "development"}>
      {children}
    </SerwistProvider>
  );
}
