import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { ActionRefusal } from "@/lib/actions/result";
import { appendAuditEntry } from "@/lib/audit/append";
import { runTransaction } from "@/lib/audit/run-transaction";
import { metadataFromHeaders } from "@/lib/auth/request-metadata";
import { portalRecognitionSchema } from "@/lib/belongings/schemas";
import { RECOGNITION_ENTITY, recordPortalRecognition } from "@/lib/belongings/viewing-records";
import { isSameOrigin, portalLocale, seeOther } from "@/lib/family-portal/portal-request";
import { readFamilySession } from "@/lib/family-portal/session";
import { FAMILY_SESSION_COOKIE } from "@/lib/family-portal/session-token";
import { getDb } from "@/lib/server/database";

function field(form: FormData | null, name: string): string {
  const value = form?.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * "I think I recognise this", from the portal of a family whose remote viewing is on: the same lead
 * a registrar records at the office, marked as sent from the portal, audited as the family's.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const locale = portalLocale((await params).locale);
  if (!isSameOrigin(request)) return new NextResponse(null, { status: 403 });
  const db = await getDb();
  const session = await readFamilySession(db, request.cookies.get(FAMILY_SESSION_COOKIE)?.value);
  if (!session) return seeOther(`/${locale}/family`);
  const form = await request.formData().catch(() => null);
  const parsed = portalRecognitionSchema.safeParse({
    effectId: field(form, "effectId"),
    missingPersonId: field(form, "missingPersonId"),
    recognisedBy: field(form, "recognisedBy"),
    words: field(form, "words"),
  });
  if (!parsed.success) return seeOther(`/${locale}/family/belongings?seen=1`);
  const metadata = metadataFromHeaders(Object.fromEntries(request.headers));
  try {
    await runTransaction(db, async (tx) => {
      const { recognition, remainsId } = await recordPortalRecognition(tx, session.familyId, parsed.data);
      await appendAuditEntry(tx, {
        actorId: null,
        actorLabel: `family ${session.reference}`,
        action: "belongings.recognise",
        entity: RECOGNITION_ENTITY,
        entityId: recognition.id,
        after: { ...parsed.data, remainsId, familyId: session.familyId, source: "portal" },
        ...metadata,
      });
    });
  } catch (error) {
    if (error instanceof ActionRefusal) return seeOther(`/${locale}/family`);
    throw error;
  }
  return seeOther(`/${locale}/family/belongings?seen=1&sent=1`);
}
