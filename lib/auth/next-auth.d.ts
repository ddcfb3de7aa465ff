import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    tokenVersion: number;
    sessionId: string;
  }
  interface Session {
    uid?: string;
    tv?: number;
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    tv?: number;
    sid?: string;
  }
}
