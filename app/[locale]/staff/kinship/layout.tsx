import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function KinshipLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="kinship">{children}</StaffAreaMessages>;
}
