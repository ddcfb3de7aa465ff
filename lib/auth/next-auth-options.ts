import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/server/database";
import { authenticate } from "./authenticate";
import { metadataFromHeaders } from "./request-metadata";

/** Staff sessions last a working day; disabling a user ends them at once (token version). */
const SESSION_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_SECONDS },
  jwt: { maxAge: SESSION_SECONDS },
  pages: { signIn: "/ar/login", error: "/ar/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, request) {
        if (!credentials?.username || !credentials.password) return null;
        const user = await authenticate(await getDb(), {
          username: credentials.username,
          password: credentials.password,
          ...metadataFromHeaders(request.headers ?? {}),
        });
        if (!user) return null;
        return { id: user.id, name: user.displayName, tokenVersion: user.tokenVersion };
      },
    }),
  ],
  callbacks: {
    // Only the user id and token version travel in the token; role and status are read afresh.
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.tv = user.tokenVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = typeof token.uid === "string" ? token.uid : undefined;
      session.tv = typeof token.tv === "number" ? token.tv : undefined;
      return session;
    },
  },
};
