import { getTranslations } from "next-intl/server";
import type { Role } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import type { DossierSubject } from "@/lib/dossier/case-file";

/**
 * Opens the audited prosecution dossier (PDF) of a person, a body or an identification in a new tab.
 * A form that POSTs: the route refuses links and other sites (lib/people/route-guard.ts).
 */
export async function DossierLink({ subject, id, role }: { subject: DossierSubject; id: string; role: Role }) {
  if (!can(role, "personalData.export")) return null;
  const t = await getTranslations("Dossier");
  return (
    <form method="post" action={`/api/staff/dossier/${subject}/${id}`} target="_blank" data-testid="dossier-form">
      <button type="submit" className="rounded border border-line px-4 py-2 font-medium" data-testid="dossier-link">
        {t("download")}
      </button>
    </form>
  );
}
