import QRCode from "qrcode";
import { environment, type Environment } from "@/lib/env";

/**
 * The portal's full address for a family's slip, from the address the registry is published at
 * (PUBLIC_URL, else NEXTAUTH_URL); null when neither is set or neither is an http(s) address.
 */
export function familyPortalUrl(locale: string, settings: Pick<Environment, "PUBLIC_URL" | "NEXTAUTH_URL"> = environment()): string | null {
  const base = (settings.PUBLIC_URL || settings.NEXTAUTH_URL || "").trim().replace(/\/+$/, "");
  if (!URL.canParse(base)) return null;
  const url = new URL(`${base}/${locale}/family`);
  return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
}

/** The address as a QR code (an SVG data URL), drawn on the server so no QR library reaches the browser. */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
