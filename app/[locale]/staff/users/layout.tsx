import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function UsersLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="users">{children}</StaffAreaMessages>;
}
