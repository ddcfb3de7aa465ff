import type { MetadataRoute } from "next";

/**
 * The web app manifest (issue 25): the staff area can be added to an Android phone's or tablet's home
 * screen and opens on field capture, in the language the device asks for (the proxy sends
 * /staff/field to /ar/… or /en/…). Arabic first, as everywhere.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "سجل قضايا ترهونة — Tarhuna case registry",
    short_name: "سجل ترهونة",
    description: "التسجيل الميداني في مواقع المقابر — Field capture at the grave sites",
    lang: "ar",
    dir: "rtl",
    start_url: "/staff/field",
    scope: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#1d4f4a",
    icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
  };
}
