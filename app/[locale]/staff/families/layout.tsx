import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function FamiliesLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="families">{children}</StaffAreaMessages>;
}
