import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

// Only sends visitors to their language's URL; it authorises nothing (every action checks itself).
export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
