import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function IdentificationsLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="identifications">{children}</StaffAreaMessages>;
}
