import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { refuseMalformedCallbackUrl } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/next-auth-options";

const handler = NextAuth(authOptions);

interface RouteContext {
  params: Promise<{ nextauth: string[] }>;
}

async function handle(request: NextRequest, context: RouteContext): Promise<Response> {
  return (await refuseMalformedCallbackUrl(request)) ?? (handler(request, context) as Promise<Response>);
}

export { handle as GET, handle as POST };
