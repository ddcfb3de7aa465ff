import { z } from "zod";
import { getIssuedDocument } from "@/lib/aftercare/documents";
import { renderIssuedDocument } from "@/lib/aftercare/document-pdf";
import { recordPageRead } from "@/lib/audit/record-read";
import { authoriseRoute } from "@/lib/people/route-guard";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** An issued letter as PDF, drawn again from what was kept at issue; reading it is audited on its identification. */
export async function GET(request: Request, { params }: { params: Promise<{ documentId: string }> }) {
  const authorised = await authoriseRoute(request, "personalData.export");
  if ("response" in authorised) return authorised.response;
  const { documentId } = await params;
  if (!z.uuid().safeParse(documentId).success) return Response.json({ error: "notFound" }, { status: 404 });
  const document = await getIssuedDocument(authorised.read, await getDb(), documentId);
  if (!document) return Response.json({ error: "notFound" }, { status: 404 });
  await recordPageRead(authorised.session, "identification", [document.identificationId]);
  const pdf = await renderIssuedDocument(document.content, document.verificationCode);
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${document.number}.pdf"`, "Cache-Control": "no-store" },
  });
}
