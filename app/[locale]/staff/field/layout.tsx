import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function FieldLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="field">{children}</StaffAreaMessages>;
}
