import { z } from "zod";
import { MAX_SCAN_BYTES, readHandoverScan, storeHandoverScan } from "@/lib/aftercare/handover-scan";
import { formText, portalLocale, seeOther } from "@/lib/family-portal/portal-request";
import { recordPageRead } from "@/lib/audit/record-read";
import { currentRequestMetadata } from "@/lib/auth/request-metadata";
import { authoriseRoute } from "@/lib/people/route-guard";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

const idSchema = z.uuid();

/**
 * Attaches the scanned signed handover form (a plain form post from the identification's page,
 * which it is sent back to with the outcome in the address); staff-only, audited with its SHA-256.
 */
export async function POST(request: Request, { params }: { params: Promise<{ identificationId: string }> }) {
  const authorised = await authoriseRoute(request, "identification.notify");
  if ("response" in authorised) return authorised.response;
  const { identificationId } = await params;
  if (!idSchema.safeParse(identificationId).success) return Response.json({ error: "notFound" }, { status: 404 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_SCAN_BYTES + 64 * 1024) return Response.json({ error: "tooLarge" }, { status: 413 });
  const form = await request.formData().catch(() => null);
  const file = form?.get("scan");
  const locale = portalLocale(formText(form, "locale"));
  const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  const outcome = await storeHandoverScan(await getDb(), authorised.session, await currentRequestMetadata(), identificationId, bytes);
  if (outcome === "notFound") return Response.json({ error: "notFound" }, { status: 404 });
  return seeOther(`/${locale}/staff/identifications/${identificationId}?scan=${outcome}`);
}

/** The signed copy as it was attached. */
export async function GET(request: Request, { params }: { params: Promise<{ identificationId: string }> }) {
  const authorised = await authoriseRoute(request, "personalData.export");
  if ("response" in authorised) return authorised.response;
  const { identificationId } = await params;
  if (!idSchema.safeParse(identificationId).success) return Response.json({ error: "notFound" }, { status: 404 });
  const scan = await readHandoverScan(authorised.read, await getDb(), identificationId);
  if (!scan) return Response.json({ error: "notFound" }, { status: 404 });
  await recordPageRead(authorised.session, "identification", [identificationId]);
  return new Response(new Uint8Array(scan.bytes), { headers: { "Content-Type": scan.contentType, "Content-Disposition": "inline", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}
