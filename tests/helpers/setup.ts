// Test set-up: the signed-in person is whoever the test says, and Next's cache calls are no-ops.
// The audit keys come first: lib/env.ts reads them once, when anything first imports it.
import "./audit-env";
import { vi } from "vitest";
import { signedInActor } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({
  currentActor: async () => signedInActor(),
  requireActor: async () => {
    const actor = signedInActor();
    if (!actor) throw new Error("NEXT_REDIRECT /sign-in");
    return actor;
  },
}));
