import { getTranslations } from "next-intl/server";

/** The public page's pointer to the same grave-site figures as open data (GeoJSON and HXL CSV). */
export async function OpenDataLinks() {
  const t = await getTranslations("Export");
  const link = (href: string, label: string) => (
    <a href={href} className="text-accent underline" download>
      {label}
    </a>
  );
  return (
    <p className="text-sm text-muted" data-testid="open-data-links">
      {t.rich("publicLink", {
        geojson: () => link("/api/public/sites.geojson", t("geojson")),
        csv: () => link("/api/public/sites.csv", t("hxl")),
      })}
    </p>
  );
}
