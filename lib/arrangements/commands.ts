// Writing provider arrangements. They decide providers' access, so an amendment is a new version
// and the old one is kept, superseded: the history of who could see the child stays in the record.
// Versions are appended through the one versioning module (lib/records/versions).
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organisations, providerArrangements, type ProviderArrangement } from "@/db/schema";
import type { Actor } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { lockChain, type VersionChain } from "@/lib/records/versions";

type NewArrangementVersion = Omit<
  typeof providerArrangements.$inferInsert,
  "id" | "arrangementId" | "version" | "childId" | "organisationId"
>;

/** The versions of one arrangement of one child, locked by its first version. */
function arrangementChain(
  childId: string,
  arrangementId: string,
  organisationId: string,
): VersionChain<ProviderArrangement, NewArrangementVersion> {
  const ofChain = and(eq(providerArrangements.arrangementId, arrangementId), eq(providerArrangements.childId, childId));
  return {
    async lockAndRead(tx) {
      const [first] = await tx
        .select({ id: providerArrangements.id })
        .from(providerArrangements)
        .where(and(ofChain, eq(providerArrangements.version, 1)))
        .for("update");
      if (!first) return [];
      return tx.select().from(providerArrangements).where(ofChain).orderBy(asc(providerArrangements.version));
    },
    async supersede(tx, latest) {
      await tx
        .update(providerArrangements)
        .set({ supersededAt: new Date() })
        .where(and(eq(providerArrangements.id, latest.id), isNull(providerArrangements.supersededAt)));
    },
    async insert(tx, version, values) {
      const [row] = await tx
        .insert(providerArrangements)
        .values({ ...values, arrangementId, version, childId, organisationId })
        .onConflictDoNothing({ target: [providerArrangements.arrangementId, providerArrangements.version] })
        .returning();
      return row;
    },
  };
}

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
  const id = crypto.randomUUID();
  const [row] = await tx
    .insert(providerArrangements)
    .values({ ...input, id, arrangementId: id, version: 1, createdBy: actor.id })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** `arrangementId` in the input is the version the person was looking at (its row id). */
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
  const [seen] = await tx
    .select()
    .from(providerArrangements)
    .where(and(eq(providerArrangements.id, input.arrangementId), eq(providerArrangements.childId, input.childId)))
    .limit(1);
  if (!seen) throw new AppError("not-found", "That arrangement could not be found.");
  const chain = await lockChain(tx, arrangementChain(input.childId, seen.arrangementId, seen.organisationId));
  return chain.append(
    {
      functions: input.functions,
      startDate: input.startDate,
      endDate: input.endDate,
      supersedesId: chain.latest.id,
      amendReason: input.amendReason,
      createdBy: actor.id,
    },
    {
      baseVersion: seen.version,
      stale: (latest) =>
        new AppError(
          "conflict:version",
          `This arrangement has already been changed by someone else (it is now version ${latest.version}). Reload the page to see the current version.`,
        ),
    },
  );
}
