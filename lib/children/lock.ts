// One child's writes that must not interleave (its care plan's lifecycle, its episodes of care):
// each takes this row lock on the child first, so they queue rather than race.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { children } from "@/db/schema";

export async function lockChild(tx: Tx, childId: string): Promise<void> {
  await tx.select({ id: children.id }).from(children).where(eq(children.id, childId)).for("no key update");
}
