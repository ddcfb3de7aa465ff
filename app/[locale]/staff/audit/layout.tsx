import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function AuditLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="audit">{children}</StaffAreaMessages>;
}
