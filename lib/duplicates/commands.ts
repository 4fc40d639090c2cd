// Duplicate entries on a child's record. A copy never changes silently: when its source (an entry
// of a carer's or home's record, or an entry recorded once for several siblings) is amended, the
// copy says so, and a worker brings it up to date as a new version of the copy. An entry
// concerning several siblings is recorded once (shared_entries, belonging to no child) with a copy
// on each child's record, each with its own confidentiality and sealing.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { carerEntries, recordEntries, sharedEntries, type SharedEntry } from "@/db/schema";
import type { Actor, ChildAccess } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { CARER_ENTRY_KIND_LABELS } from "@/lib/carers/schemas";
import { AppError } from "@/lib/errors";
import { currentSiblingIds, otherChildAccess } from "@/lib/people/commands";
import { entryChain, lockChain, type VersionChain } from "@/lib/records/versions";
import { SHARED_ENTRY_KIND_LABELS, type AmendSharedEntryInput, type RecordSharedEntryInput } from "./schemas";

/** The source's latest version, as a copy would hold it. */
export async function latestSource(tx: Pick<Tx, "select">, kind: string | null, entryId: string | null) {
  if (!entryId) return null;
  if (kind === "carer_entry") {
    const [row] = await tx
      .select()
      .from(carerEntries)
      .where(and(eq(carerEntries.entryId, entryId), isNull(carerEntries.supersededAt)))
      .limit(1);
    return row
      ? {
          version: row.version,
          title: row.title,
          occurredOn: row.occurredOn,
          data: { kind: CARER_ENTRY_KIND_LABELS[row.kind], details: row.details },
          createdBy: row.createdBy,
          createdAt: row.createdAt,
        }
      : null;
  }
  if (kind === "shared_entry") {
    const [row] = await tx
      .select()
      .from(sharedEntries)
      .where(and(eq(sharedEntries.entryId, entryId), isNull(sharedEntries.supersededAt)))
      .limit(1);
    return row
      ? {
          version: row.version,
          title: row.title,
          occurredOn: row.occurredOn,
          data: { kind: SHARED_ENTRY_KIND_LABELS[row.kind], details: row.details },
          createdBy: row.createdBy,
          createdAt: row.createdAt,
        }
      : null;
  }
  return null;
}

/**
 * Brings a copy up to date with its source's latest version: a new version of the copy (the
 * earlier one stays readable), keeping its confidentiality; refused when it is already up to date.
 */
export async function refreshDuplicate(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { entryId: string; baseVersion: number },
) {
  const chain = await lockChain(tx, entryChain(access.childId, "duplicates", input.entryId));
  const { latest } = chain;
  if (latest.confidentiality === "sealed" || !access.redactions.confidentiality.includes(latest.confidentiality))
    throw new AppError("not-found");
  const source = await latestSource(tx, latest.sourceKind, latest.sourceEntryId);
  if (!source) throw new AppError("not-found", "The source of this copy could not be found.");
  if (latest.sourceVersion !== null && source.version <= latest.sourceVersion)
    throw new AppError("invalid:input", "This copy is already up to date with its source.");
  return chain.append(
    {
      occurredOn: source.occurredOn,
      title: source.title,
      data: source.data,
      confidentiality: latest.confidentiality,
      significant: latest.significant,
      childProperty: latest.childProperty,
      amendReason: `Brought up to date with version ${source.version} of the source (was version ${latest.sourceVersion ?? 1})`,
      createdBy: actor.id,
      sourceKind: latest.sourceKind,
      sourceCarerRecordId: latest.sourceCarerRecordId,
      sourceReference: latest.sourceReference,
      sourceEntryId: latest.sourceEntryId,
      sourceVersion: source.version,
      sourceAuthorId: source.createdBy,
      sourceRecordedAt: source.createdAt,
    },
    {
      baseVersion: input.baseVersion,
      stale: (current) =>
        new AppError(
          "conflict:version",
          `Someone changed this copy a moment ago (now version ${current.version}). Reload the page.`,
        ),
    },
  );
}

/**
 * An entry concerning several siblings, recorded once: the shared entry, and a copy on each chosen
 * child's record (this child and siblings linked to it now), each with the confidentiality chosen
 * for that child. Each sibling's record is asked of the policy too, and audited on its own chain.
 */
export async function recordSharedEntry(tx: Tx, actor: Actor, access: ChildAccess, input: RecordSharedEntryInput) {
  const chosen = input.copies.filter((c) => c.place);
  if (!chosen.some((c) => c.childId === access.childId))
    throw new AppError("invalid:input", undefined, { copies: ["Include this child"] });
  const siblings = await currentSiblingIds(tx, access.childId);
  for (const [i, copy] of input.copies.entries()) {
    if (!copy.place || copy.childId === access.childId) continue;
    if (!siblings.includes(copy.childId))
      throw new AppError("invalid:input", undefined, { [`copies.${i}.place`]: ["Only siblings linked to this child"] });
    await otherChildAccess(tx, actor, copy.childId, "sharedEntry.record", `copies.${i}.place`);
  }
  const sharedId = crypto.randomUUID();
  const [shared] = await tx
    .insert(sharedEntries)
    .values({
      id: sharedId,
      entryId: sharedId,
      version: 1,
      kind: input.kind,
      occurredOn: input.occurredOn,
      title: input.title,
      details: input.details,
      createdBy: actor.id,
    })
    .returning();
  if (!shared) throw new Error("insert returned no row");
  const copies: Array<{ childId: string; entryId: string }> = [];
  for (const copy of chosen) {
    const id = crypto.randomUUID();
    await tx.insert(recordEntries).values({
      id,
      entryId: id,
      version: 1,
      childId: copy.childId,
      section: "duplicates",
      occurredOn: shared.occurredOn,
      title: shared.title,
      data: { kind: SHARED_ENTRY_KIND_LABELS[shared.kind], details: shared.details },
      confidentiality: copy.confidentiality,
      createdBy: actor.id,
      sourceKind: "shared_entry",
      sourceReference: `Recorded once for ${chosen.length} siblings`,
      sourceEntryId: shared.entryId,
      sourceVersion: 1,
      sourceAuthorId: actor.id,
      sourceRecordedAt: shared.createdAt,
    });
    if (copy.childId !== access.childId)
      await recordAudit(tx, {
        actorId: actor.id,
        action: "sharedEntry.record",
        childId: copy.childId,
        detail: { entryId: id, sharedEntryId: shared.entryId, confidentiality: copy.confidentiality },
      });
    copies.push({ childId: copy.childId, entryId: id });
  }
  return { sharedEntryId: shared.entryId, copies };
}

type NewSharedVersion = Omit<typeof sharedEntries.$inferInsert, "id" | "entryId" | "version">;

function sharedEntryChain(entryId: string): VersionChain<SharedEntry, NewSharedVersion> {
  const ofChain = eq(sharedEntries.entryId, entryId);
  return {
    async lockAndRead(tx) {
      const [first] = await tx
        .select({ id: sharedEntries.id })
        .from(sharedEntries)
        .where(and(ofChain, eq(sharedEntries.version, 1)))
        .for("update");
      if (!first) return [];
      return tx.select().from(sharedEntries).where(ofChain).orderBy(asc(sharedEntries.version));
    },
    async supersede(tx, latest) {
      await tx
        .update(sharedEntries)
        .set({ supersededAt: new Date() })
        .where(and(eq(sharedEntries.id, latest.id), isNull(sharedEntries.supersededAt)));
    },
    async insert(tx, version, values) {
      const [row] = await tx
        .insert(sharedEntries)
        .values({ ...values, entryId, version })
        .onConflictDoNothing({ target: [sharedEntries.entryId, sharedEntries.version] })
        .returning();
      return row;
    },
  };
}

/**
 * Amends the shared entry from one child's copy: a new version; no copy changes until it is
 * brought up to date. Only from a copy the person may read: a copy sealed on this record (misfiled
 * here) gives no way to change what the siblings' copies come from.
 */
export async function amendSharedEntry(tx: Tx, actor: Actor, access: ChildAccess, input: AmendSharedEntryInput) {
  const [copy] = await tx
    .select({ id: recordEntries.id, confidentiality: recordEntries.confidentiality })
    .from(recordEntries)
    .where(
      and(
        eq(recordEntries.childId, access.childId),
        eq(recordEntries.sourceKind, "shared_entry"),
        eq(recordEntries.sourceEntryId, input.sharedEntryId),
        eq(recordEntries.isLatest, true),
      ),
    )
    .limit(1);
  if (!copy || copy.confidentiality === "sealed" || !access.redactions.confidentiality.includes(copy.confidentiality))
    throw new AppError("not-found", "This child's record has no copy of that entry.");
  const chain = await lockChain(tx, sharedEntryChain(input.sharedEntryId));
  return chain.append(
    {
      kind: input.kind,
      occurredOn: input.occurredOn,
      title: input.title,
      details: input.details,
      amendReason: input.amendReason,
      createdBy: actor.id,
    },
    {
      baseVersion: input.baseVersion,
      stale: (current) =>
        new AppError(
          "conflict:version",
          `Someone amended the shared entry a moment ago (now version ${current.version}). Reload the page.`,
        ),
    },
  );
}
