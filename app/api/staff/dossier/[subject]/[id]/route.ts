import { z } from "zod";
import { currentRequestMetadata } from "@/lib/auth/request-metadata";
import { DOSSIER_SUBJECTS } from "@/lib/dossier/case-file";
import { generateDossier } from "@/lib/dossier/generate";
import { authoriseRoute } from "@/lib/people/route-guard";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ subject: z.enum(DOSSIER_SUBJECTS), id: z.uuid() });

/**
 * The prosecution dossier of a missing person, a body or an identification, as PDF; audited. Started
 * by a POST from the app's own form (components/dossier/dossier-link.tsx), never by a link.
 */
export async function POST(request: Request, { params }: { params: Promise<{ subject: string; id: string }> }) {
  const authorised = await authoriseRoute(request, "personalData.export");
  if ("response" in authorised) return authorised.response;
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return Response.json({ error: "notFound" }, { status: 404 });
  const pdf = await generateDossier(authorised.read, await getDb(), await currentRequestMetadata(), parsed.data.subject, parsed.data.id);
  if (!pdf) return Response.json({ error: "notFound" }, { status: 404 });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="dossier-${parsed.data.subject}-${parsed.data.id.slice(0, 8)}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
