import { z } from "zod";
import { readDuplicateCandidates } from "@/lib/people/people-reads";
import { authoriseRoute, privateJson } from "@/lib/people/route-guard";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

const nameQuery = z.object({
  givenName: z.string().max(200),
  fatherName: z.string().max(200).default(""),
  grandfatherName: z.string().max(200).default(""),
  familyName: z.string().max(200).default(""),
  birthYear: z.string().regex(/^(\d{4})?$/).default(""),
});

/**
 * The likely duplicates of a person about to be registered, shown before the registrar saves. The
 * name comes in a POST body (JSON), never in the address, where the proxy would log it.
 */
export async function POST(request: Request) {
  const authorised = await authoriseRoute(request, "people.read");
  if ("response" in authorised) return authorised.response;
  const parsed = nameQuery.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "invalid" }, { status: 400 });
  const { birthYear, ...name } = parsed.data;
  const candidates = await readDuplicateCandidates(authorised.read, await getDb(), {
    ...name,
    nameLatin: "",
    birthYear: birthYear === "" ? null : Number(birthYear),
  });
  return privateJson({ candidates });
}
