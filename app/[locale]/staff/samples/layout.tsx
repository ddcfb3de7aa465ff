import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function SamplesLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="samples">{children}</StaffAreaMessages>;
}
