// next-auth type augmentation: the session carries the user's id only.
import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** When this sign-in happened (ms): sessions from before the user's last sign-out are refused. */
    signedInAt?: number;
  }
}
