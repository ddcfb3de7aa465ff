import { z } from "zod";
import type { AppServer } from "./app-server";

const publicSummarySchema = z.object({
  bodiesRecovered: z.number().int(),
  identified: z.number().int(),
  familiesSampled: z.number().int(),
  policeReports: z.number().int(),
  graveSites: z.number().int(),
  updatedAt: z.string(),
});

export type PublicSummary = z.infer<typeof publicSummarySchema>;

/** The four numbers the public page shows as headline figures. */
export const HEADLINE_FIGURES = ["bodiesRecovered", "identified", "familiesSampled", "policeReports"] as const;
export type HeadlineFigure = (typeof HEADLINE_FIGURES)[number];

const graveSitesSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      properties: z.object({ bodiesRecovered: z.number().int() }),
    }),
  ),
});

async function getJson(server: AppServer, pathname: string): Promise<unknown> {
  const response = await fetch(server.url(pathname));
  if (!response.ok) throw new Error(`GET ${pathname} answered HTTP ${response.status}: ${await response.text()}`);
  return response.json();
}

export async function getPublicSummary(server: AppServer): Promise<PublicSummary> {
  return publicSummarySchema.parse(await getJson(server, "/api/public/summary"));
}

export async function getGraveSites(server: AppServer): Promise<z.infer<typeof graveSitesSchema>> {
  return graveSitesSchema.parse(await getJson(server, "/api/public/sites.geojson"));
}
