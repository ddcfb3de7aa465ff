import { z } from "zod";
import { getRemainsHandover } from "@/lib/aftercare/handover";
import { renderHandoverForm } from "@/lib/aftercare/handover-form-pdf";
import { recordPageRead } from "@/lib/audit/record-read";
import { authoriseRead } from "@/lib/auth/read-access";
import { getIdentification } from "@/lib/identifications/queries";
import { authoriseRoute } from "@/lib/people/route-guard";
import { getDb } from "@/lib/server/database";
import { getOfficeContact } from "@/lib/settings/office-contact";

export const dynamic = "force-dynamic";

/** The printable handover form with both signature lines, as PDF. */
export async function GET(request: Request, { params }: { params: Promise<{ identificationId: string }> }) {
  const authorised = await authoriseRoute(request, "personalData.export");
  if ("response" in authorised) return authorised.response;
  const { identificationId } = await params;
  if (!z.uuid().safeParse(identificationId).success) return Response.json({ error: "notFound" }, { status: 404 });
  const db = await getDb();
  const read = authoriseRead(authorised.session, "people.read");
  const [details, handover, office] = await Promise.all([getIdentification(read, db, identificationId), getRemainsHandover(read, db, identificationId), getOfficeContact(db)]);
  if (!details || !handover) return Response.json({ error: "notFound" }, { status: 404 });
  await recordPageRead(authorised.session, "identification", [identificationId]);
  const { person } = details;
  const personName = [person.givenName, person.fatherName, person.grandfatherName, person.familyName].filter(Boolean).join(" ");
  const pdf = await renderHandoverForm({ handover, caseNumber: person.caseNumber, personName, remainsCode: details.body.code, office });
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="handover-${person.caseNumber}.pdf"`, "Cache-Control": "no-store" },
  });
}
