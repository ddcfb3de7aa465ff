import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function ForbiddenLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="forbidden">{children}</StaffAreaMessages>;
}
