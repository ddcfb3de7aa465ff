import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    tokenVersion: number;
  }
  interface Session {
    uid?: string;
    tv?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    tv?: number;
  }
}
