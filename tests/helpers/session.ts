// Who the server actions believe is signed in, for integration tests.
import type { Actor } from "@/lib/access";

let actor: Actor | null = null;

export function signInAs(next: Actor | null): void {
  actor = next;
}

export function signedInActor(): Actor | null {
  return actor;
}
