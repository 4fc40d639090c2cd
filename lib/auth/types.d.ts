// next-auth type augmentation: the session carries the user's id only.
import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The account's session version at sign-in: a sign-out moves it on and ends this session. */
    sessionVersion?: number;
  }
}
