// Writes to foster carers' and children's homes' own records: the record and each change of its
// details as a new version, its entries (versioned the same way), and duplicate entries placed on
// the records of children placed there (past or present, from the episodes). Each function runs
// in the caller's transaction; the wrapper audits on the carer's chain, and each child whose
// record gets a copy has the copy audited on the child's own chain.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  carerEntries,
  carerRecords,
  carerRecordVersions,
  episodes,
  recordEntries,
  sameChildLinks,
  users,
  type CarerEntry,
  type CarerRecordVersion,
} from "@/db/schema";
import { POLICIES, type Actor, type CarerAccess } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { lockChain, type VersionChain } from "@/lib/records/versions";
import {
  CARER_ENTRY_KIND_LABELS,
  type AmendCarerEntryInput,
  type AmendCarerRecordInput,
  type CreateCarerEntryInput,
  type CreateCarerRecordInput,
  type DuplicateCarerEntryInput,
} from "./schemas";

const detailsOf = (input: Omit<CreateCarerRecordInput, "name">) => ({
  carers: input.carers,
  household: input.household || null,
  address: input.address,
  postcode: input.postcode,
  urn: input.urn,
  provider: input.provider,
  approvalType: input.approvalType || null,
  approvalTerms: input.approvalTerms || null,
  approvedPlaces: input.approvedPlaces,
  ageFrom: input.ageFrom,
  ageTo: input.ageTo,
  approvedOn: input.approvedOn,
  approvalEndedOn: input.kind === "foster_carer" ? input.approvalEndedOn : null,
});

/** A new carer's or home's record, supervised by the person who opens it. */
export async function createCarerRecord(tx: Tx, actor: Actor, input: CreateCarerRecordInput) {
  const [existing] = await tx
    .select({ id: carerRecords.id })
    .from(carerRecords)
    .where(eq(carerRecords.name, input.name))
    .limit(1);
  if (existing) throw new AppError("invalid:input", undefined, { name: ["A record with this name already exists"] });
  const [record] = await tx
    .insert(carerRecords)
    .values({ kind: input.kind, name: input.name, urn: input.urn, postcode: input.postcode, teamId: actor.teamId })
    .returning();
  if (!record) throw new Error("insert returned no row");
  await tx.insert(carerRecordVersions).values({
    carerRecordId: record.id,
    version: 1,
    ...detailsOf(input),
    supervisingWorkerId: actor.id,
    createdBy: actor.id,
  });
  return { carerRecordId: record.id };
}

type NewCarerVersion = Omit<typeof carerRecordVersions.$inferInsert, "id" | "carerRecordId" | "version">;

function carerRecordChain(carerRecordId: string): VersionChain<CarerRecordVersion, NewCarerVersion> {
  const ofChain = eq(carerRecordVersions.carerRecordId, carerRecordId);
  return {
    async lockAndRead(tx) {
      const [first] = await tx
        .select({ id: carerRecordVersions.id })
        .from(carerRecordVersions)
        .where(and(ofChain, eq(carerRecordVersions.version, 1)))
        .for("update");
      if (!first) return [];
      return tx.select().from(carerRecordVersions).where(ofChain).orderBy(asc(carerRecordVersions.version));
    },
    async supersede(tx, latest) {
      await tx
        .update(carerRecordVersions)
        .set({ supersededAt: new Date() })
        .where(and(eq(carerRecordVersions.id, latest.id), isNull(carerRecordVersions.supersededAt)));
    },
    async insert(tx, version, values) {
      const [row] = await tx
        .insert(carerRecordVersions)
        .values({ ...values, carerRecordId, version })
        .onConflictDoNothing({ target: [carerRecordVersions.carerRecordId, carerRecordVersions.version] })
        .returning();
      return row;
    },
  };
}

/** Whether this person may supervise carers' and homes' records: an active supervising social worker. */
async function isActiveSupervisor(tx: Pick<Tx, "select">, userId: string) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, "supervising_social_worker"), eq(users.active, true)))
    .limit(1);
  return Boolean(row);
}

/**
 * A change of the record's details (household, approval, address) or of who supervises it: a new
 * version with a reason. The supervising social worker is chosen from the active supervising
 * social workers; whoever it is, they reach the record from this version on, and the one before
 * no longer does.
 */
export async function amendCarerRecord(tx: Tx, actor: Actor, access: CarerAccess, input: AmendCarerRecordInput) {
  if (input.kind !== access.kind)
    throw new AppError("invalid:input", undefined, { kind: ["A record's kind does not change"] });
  const chain = await lockChain(tx, carerRecordChain(access.carerRecordId));
  const before = chain.latest.supervisingWorkerId;
  const supervisingWorkerId = input.supervisingWorkerId || before;
  if (supervisingWorkerId !== before && !(supervisingWorkerId && (await isActiveSupervisor(tx, supervisingWorkerId))))
    throw new AppError("invalid:input", undefined, {
      supervisingWorkerId: ["Choose a supervising social worker from the list"],
    });
  const row = await chain.append(
    {
      ...detailsOf(input),
      supervisingWorkerId,
      amendReason: input.amendReason,
      createdBy: actor.id,
    },
    {
      baseVersion: input.baseVersion,
      stale: (current) =>
        new AppError(
          "conflict:version",
          `Someone changed this record's details a moment ago (now version ${current.version}). Reload the page.`,
        ),
    },
  );
  return { row, reassigned: supervisingWorkerId !== before ? { from: before, to: supervisingWorkerId } : null };
}

type NewCarerEntryVersion = Omit<typeof carerEntries.$inferInsert, "id" | "entryId" | "version" | "carerRecordId">;

export function carerEntryChain(
  carerRecordId: string,
  entryId: string,
): VersionChain<CarerEntry, NewCarerEntryVersion> {
  const ofChain = and(eq(carerEntries.entryId, entryId), eq(carerEntries.carerRecordId, carerRecordId));
  return {
    async lockAndRead(tx) {
      const [first] = await tx
        .select({ id: carerEntries.id })
        .from(carerEntries)
        .where(and(ofChain, eq(carerEntries.version, 1)))
        .for("update");
      if (!first) return [];
      return tx.select().from(carerEntries).where(ofChain).orderBy(asc(carerEntries.version));
    },
    async supersede(tx, latest) {
      await tx
        .update(carerEntries)
        .set({ supersededAt: new Date() })
        .where(and(eq(carerEntries.id, latest.id), isNull(carerEntries.supersededAt)));
    },
    async insert(tx, version, values) {
      const [row] = await tx
        .insert(carerEntries)
        .values({ ...values, entryId, version, carerRecordId })
        .onConflictDoNothing({ target: [carerEntries.entryId, carerEntries.version] })
        .returning();
      return row;
    },
  };
}

export async function createCarerEntry(tx: Tx, actor: Actor, access: CarerAccess, input: CreateCarerEntryInput) {
  const id = crypto.randomUUID();
  const [row] = await tx
    .insert(carerEntries)
    .values({
      id,
      entryId: id,
      version: 1,
      carerRecordId: access.carerRecordId,
      kind: input.kind,
      occurredOn: input.occurredOn,
      title: input.title,
      details: input.details,
      createdBy: actor.id,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Amends an entry: a new version with a reason. Copies on children's records then show that the source changed. */
export async function amendCarerEntry(tx: Tx, actor: Actor, access: CarerAccess, input: AmendCarerEntryInput) {
  const chain = await lockChain(tx, carerEntryChain(access.carerRecordId, input.entryId));
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
          `Someone amended this entry a moment ago (now version ${current.version}). Reload the page.`,
        ),
    },
  );
}

/** Whether the child has ever been placed with this carer or home (latest versions of the child's episodes). */
export async function everPlacedWith(tx: Pick<Tx, "select">, carerRecordId: string, childId: string) {
  const [row] = await tx
    .select({ id: episodes.id })
    .from(episodes)
    .where(
      and(
        eq(episodes.carerRecordId, carerRecordId),
        eq(episodes.childId, childId),
        isNull(episodes.supersededAt),
        isNull(episodes.deletedAt),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** The name of a record, as the copies it gives rise to say where they came from. */
async function recordName(tx: Tx, carerRecordId: string) {
  const [row] = await tx
    .select({ name: carerRecords.name })
    .from(carerRecords)
    .where(eq(carerRecords.id, carerRecordId))
    .limit(1);
  return row?.name ?? "A carer's record";
}

/**
 * Places a duplicate of the entry's latest version on the record of each chosen child placed
 * here (past or present): a new entry of the child's own (section "duplicates"), saying where it
 * came from (record, entry, version, author, time), with the confidentiality chosen for that child.
 */
export async function duplicateCarerEntry(tx: Tx, actor: Actor, access: CarerAccess, input: DuplicateCarerEntryInput) {
  const chain = await lockChain(tx, carerEntryChain(access.carerRecordId, input.entryId));
  const source = chain.latest;
  const name = await recordName(tx, access.carerRecordId);
  const placed: Array<{ childId: string; entryId: string }> = [];
  for (const [i, copy] of input.copies.entries()) {
    if (!copy.place) continue;
    // A record closed as the same child as another takes nothing new: place the copy on the record in use.
    const [sealed] = await tx
      .select({ id: sameChildLinks.id })
      .from(sameChildLinks)
      .where(and(eq(sameChildLinks.sealedChildId, copy.childId), isNull(sameChildLinks.deletedAt)))
      .limit(1);
    if (sealed)
      throw new AppError("invalid:input", undefined, {
        [`copies.${i}.childId`]: [
          "This record is closed as the same child as another: place the copy on the record in use",
        ],
      });
    if (!(await everPlacedWith(tx, access.carerRecordId, copy.childId)))
      throw new AppError("invalid:input", undefined, {
        [`copies.${i}.childId`]: ["Only a child placed here (now or before) can have a duplicate of this entry"],
      });
    const [already] = await tx
      .select({ id: recordEntries.id })
      .from(recordEntries)
      .where(and(eq(recordEntries.childId, copy.childId), eq(recordEntries.sourceEntryId, source.entryId)))
      .limit(1);
    if (already)
      throw new AppError("invalid:input", undefined, {
        [`copies.${i}.place`]: [
          "This child's record already has a duplicate of this entry (bring it up to date there)",
        ],
      });
    const id = crypto.randomUUID();
    await tx.insert(recordEntries).values({
      id,
      entryId: id,
      version: 1,
      childId: copy.childId,
      section: "duplicates",
      occurredOn: source.occurredOn,
      title: source.title,
      data: { kind: CARER_ENTRY_KIND_LABELS[source.kind], details: source.details },
      confidentiality: copy.confidentiality,
      createdBy: actor.id,
      sourceKind: "carer_entry",
      sourceCarerRecordId: access.carerRecordId,
      sourceReference: name,
      sourceEntryId: source.entryId,
      sourceVersion: source.version,
      sourceAuthorId: source.createdBy,
      sourceRecordedAt: source.createdAt,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      // The carer policy's own action, so the child's chain and the carer's read and filter alike.
      action: POLICIES["carerEntry.duplicate"].audit,
      childId: copy.childId,
      detail: {
        entryId: id,
        sourceCarerRecordId: access.carerRecordId,
        sourceEntryId: source.entryId,
        sourceVersion: source.version,
        confidentiality: copy.confidentiality,
      },
    });
    placed.push({ childId: copy.childId, entryId: id });
  }
  return { sourceEntryId: source.entryId, sourceVersion: source.version, placed };
}
