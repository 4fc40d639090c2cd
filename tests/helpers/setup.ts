// Test set-up: the signed-in person is whoever the test says (still refused, as in the portal,
// once their account is deactivated), and Next's cache calls are no-ops.
// The audit keys come first: lib/env.ts reads them once, when anything first imports it.
import "./audit-env";
import { vi } from "vitest";
import { signedInActor } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/lib/auth/session", async () => {
  const { and, eq, isNull } = await import("drizzle-orm");
  const { getDb } = await import("@/db/client");
  const { users } = await import("@/db/schema");
  // Like the real session: the account is read from the database on every request.
  const currentActor = async () => {
    const actor = signedInActor();
    if (!actor) return null;
    const [row] = await getDb()
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, actor.id), eq(users.active, true), isNull(users.deletedAt)))
      .limit(1);
    return row ? actor : null;
  };
  return {
    currentActor,
    requireActor: async () => {
      const actor = await currentActor();
      if (!actor) throw new Error("NEXT_REDIRECT /sign-in");
      return actor;
    },
  };
});
