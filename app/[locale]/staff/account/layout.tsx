import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="account">{children}</StaffAreaMessages>;
}
