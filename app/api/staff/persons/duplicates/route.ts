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

/** The likely duplicates of a person about to be registered, shown before the registrar saves. */
export async function GET(request: Request) {
  const authorised = await authoriseRoute(request, "people.read");
  if ("response" in authorised) return authorised.response;
  const parsed = nameQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "invalid" }, { status: 400 });
  const { birthYear, ...name } = parsed.data;
  const candidates = await readDuplicateCandidates(authorised.read, await getDb(), {
    ...name,
    nameLatin: "",
    birthYear: birthYear === "" ? null : Number(birthYear),
  });
  return privateJson({ candidates });
}
