// Writing provider arrangements. They decide providers' access, so an amendment is a new row and
// the old one is kept, superseded: the history of who could see the child stays in the record.
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organisations, providerArrangements } from "@/db/schema";
import type { Actor } from "@/lib/access";
import { AppError } from "@/lib/errors";

export async function createArrangement(
  tx: Tx,
  actor: Actor,
  input: { childId: string; organisationId: string; functions: string; startDate: string; endDate: string | null },
) {
  const [org] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId))
    .limit(1);
  if (!org) throw new AppError("invalid:input", undefined, { organisationId: ["Choose a provider from the list"] });
  const [row] = await tx
    .insert(providerArrangements)
    .values({ ...input, createdBy: actor.id })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function amendArrangement(
  tx: Tx,
  actor: Actor,
  input: {
    childId: string;
    arrangementId: string;
    functions: string;
    startDate: string;
    endDate: string | null;
    amendReason: string;
  },
) {
  const [current] = await tx
    .select()
    .from(providerArrangements)
    .where(
      and(
        eq(providerArrangements.id, input.arrangementId),
        eq(providerArrangements.childId, input.childId),
        isNull(providerArrangements.supersededAt),
      ),
    )
    .for("update");
  if (!current)
    throw new AppError(
      "conflict:version",
      "This arrangement has already been changed by someone else. Reload the page to see the current version.",
    );
  await tx
    .update(providerArrangements)
    .set({ supersededAt: new Date() })
    .where(eq(providerArrangements.id, current.id));
  const [row] = await tx
    .insert(providerArrangements)
    .values({
      childId: current.childId,
      organisationId: current.organisationId,
      functions: input.functions,
      startDate: input.startDate,
      endDate: input.endDate,
      supersedesId: current.id,
      amendReason: input.amendReason,
      createdBy: actor.id,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}
