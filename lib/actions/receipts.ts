// Idempotent requests: a request sent with a key (a UUID the browser makes when the person
// submits, and sends again if they retry after a network failure) does its work once per person
// and key. The receipt is inserted first, in the transaction of the work itself, so:
// - a retry after the first committed finds the receipt and gets the first result, doing nothing;
// - a retry racing the first (PostgreSQL) waits on the receipt's unique index until the first
//   commits, then finds it; if the first rolled back, the retry does the work itself;
// - a failed attempt leaves no receipt (it rolled back with the work), so trying again works.
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { requestReceipts } from "@/db/schema";
import { AppError } from "@/lib/errors";

export interface Once<R> {
  result: R;
  /** True when this request was a retry answered from the first one's receipt. */
  replayed: boolean;
}

export async function once<R>(
  tx: Tx,
  userId: string,
  policy: string,
  key: string,
  work: () => Promise<R>,
): Promise<Once<R>> {
  const [mine] = await tx
    .insert(requestReceipts)
    .values({ userId, key, policy })
    .onConflictDoNothing({ target: [requestReceipts.userId, requestReceipts.key] })
    .returning({ id: requestReceipts.id });
  if (!mine) {
    const [first] = await tx
      .select({ policy: requestReceipts.policy, result: requestReceipts.result })
      .from(requestReceipts)
      .where(and(eq(requestReceipts.userId, userId), eq(requestReceipts.key, key)))
      .limit(1);
    // A key is honoured only for the same kind of request it was first sent with.
    if (!first || first.policy !== policy || first.result === null) {
      throw new AppError(
        "invalid:input",
        "This request was already sent for something else. Reload the page and try again.",
        {
          idempotencyKey: ["Already used for another request"],
        },
      );
    }
    return { result: first.result as R, replayed: true };
  }
  const result = await work();
  await tx.update(requestReceipts).set({ result }).where(eq(requestReceipts.id, mine.id));
  return { result, replayed: false };
}
