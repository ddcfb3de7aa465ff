import { NextIntlClientProvider, type Locale } from "next-intl";
import type { ReactNode } from "react";
import { StaffNavigation } from "@/components/staff/staff-navigation";
import { requireSignedIn } from "@/lib/auth/page-guard";

interface StaffLayoutProps {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}

/**
 * The staff navigation for the signed-in role. Each page still checks its own permission. Staff
 * forms need the whole message catalogue in the browser; the public shell carries only a few words.
 */
export default async function StaffLayout({ children, params }: StaffLayoutProps) {
  const { locale } = await params;
  const session = await requireSignedIn(locale as Locale);
  return (
    <NextIntlClientProvider>
      <div className="mb-8">
        <StaffNavigation session={session} />
      </div>
      {children}
    </NextIntlClientProvider>
  );
}
