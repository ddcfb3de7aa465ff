import type { Locale } from "next-intl";
import type { ReactNode } from "react";
import { StaffNavigation } from "@/components/staff/staff-navigation";
import { requireSignedIn } from "@/lib/auth/page-guard";

interface StaffLayoutProps {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}

/**
 * The staff navigation for the signed-in role. Each page still checks its own permission. The
 * browser gets only the shell's messages here (the language layout's provider); each staff page
 * adds what its own forms use (withStaffPageMessages, lib/i18n/client-messages.ts).
 */
export default async function StaffLayout({ children, params }: StaffLayoutProps) {
  const { locale } = await params;
  const session = await requireSignedIn(locale as Locale);
  return (
    <>
      <div className="mb-8 print:hidden" data-staff-shell>
        <StaffNavigation session={session} />
      </div>
      {children}
    </>
  );
}
