// Activating and deactivating accounts: takes effect on the person's next request.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";

export async function setUserActive(tx: Tx, actorId: string, input: { userId: string; active: boolean }) {
  if (input.userId === actorId && !input.active)
    throw new AppError("invalid:input", "You cannot deactivate your own account.");
  const [row] = await tx
    .update(users)
    .set({ active: input.active, failedSignIns: 0, lockedUntil: null })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id, email: users.email });
  if (!row) throw new AppError("not-found");
  return row;
}
