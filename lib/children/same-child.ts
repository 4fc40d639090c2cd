// Two records later found to be the same child are never merged. A records officer marks the
// one in use; the other stays readable to those allowed and is sealed against anything new (the
// access layer refuses it with the reference of the record in use, and the database refuses it
// too). Both records show the cross-reference; the marking is audited on both children's chains.
import { aliasedTable, and, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { children, sameChildLinks, users } from "@/db/schema";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { lockChild } from "@/lib/children/lock";
import { AppError } from "@/lib/errors";

/** What the records officer sees of a record to tell which is which: name, reference, date of birth. */
export interface RecordIdentity {
  id: string;
  reference: string;
  name: string;
  dateOfBirth: string;
  sealedInFavourOf: string | null;
}

export async function recordByReference(db: Queryable, reference: string): Promise<RecordIdentity | null> {
  const [row] = await db
    .select({
      id: children.id,
      reference: children.reference,
      firstName: children.firstName,
      lastName: children.lastName,
      dateOfBirth: children.dateOfBirth,
      sealedInFavourOf: sql<
        string | null
      >`(select c2.reference from ${sameChildLinks} l join ${children} c2 on c2.id = l.in_use_child_id where l.sealed_child_id = ${children}.id and l.deleted_at is null limit 1)`,
    })
    .from(children)
    .where(and(eq(children.reference, reference.trim().toUpperCase()), isNull(children.deletedAt)))
    .limit(1);
  if (!row) return null;
  return {
    id: row.id,
    reference: row.reference,
    name: `${row.firstName} ${row.lastName}`,
    dateOfBirth: row.dateOfBirth,
    sealedInFavourOf: row.sealedInFavourOf ?? null,
  };
}

export async function markSameChild(
  tx: Tx,
  actor: Actor,
  input: { sealedChildId: string; inUseChildId: string; reason: string },
) {
  if (input.sealedChildId === input.inUseChildId)
    throw new AppError("invalid:input", "Choose two different records.", {
      inUseChildId: ["Choose two different records"],
    });
  // Both children's locks, always in the same order, so two markings of one pair queue.
  for (const id of [input.sealedChildId, input.inUseChildId].sort()) await lockChild(tx, id);
  const sealed = await identityById(tx, input.sealedChildId);
  const inUse = await identityById(tx, input.inUseChildId);
  if (!sealed || !inUse) throw new AppError("not-found", "One of those records could not be found.");
  if (sealed.sealedInFavourOf)
    throw new AppError(
      "invalid:input",
      `${sealed.reference} is already closed in favour of ${sealed.sealedInFavourOf}.`,
      {
        sealedChildId: [`${sealed.reference} is already closed in favour of ${sealed.sealedInFavourOf}`],
      },
    );
  if (inUse.sealedInFavourOf)
    throw new AppError(
      "invalid:input",
      `${inUse.reference} is itself closed: mark it against ${inUse.sealedInFavourOf}, the record in use.`,
      { inUseChildId: [`${inUse.reference} is closed in favour of ${inUse.sealedInFavourOf}: choose that record`] },
    );
  const [link] = await tx
    .insert(sameChildLinks)
    .values({ sealedChildId: sealed.id, inUseChildId: inUse.id, reason: input.reason, markedBy: actor.id })
    .returning({ id: sameChildLinks.id });
  if (!link) throw new Error("insert returned no row");
  // The wrapper audits the action on the sealed child's chain; the record in use gets its own event.
  await recordAudit(tx, {
    actorId: actor.id,
    action: "child.markSameChild",
    childId: inUse.id,
    flagged: true,
    detail: { linkId: link.id, role: "in use", sealedChildId: sealed.id, sealedReference: sealed.reference },
  });
  return { linkId: link.id, sealedReference: sealed.reference, inUseReference: inUse.reference };
}

async function identityById(db: Queryable, id: string): Promise<RecordIdentity | null> {
  const [row] = await db.select({ reference: children.reference }).from(children).where(eq(children.id, id)).limit(1);
  return row ? recordByReference(db, row.reference) : null;
}

/** The cross-references a child's record shows: the record in use, or the closed records of the same child. */
export async function sameChildReferences(db: Queryable, childId: string) {
  const other = aliasedTable(children, "other");
  const rows = await db
    .select({
      sealedChildId: sameChildLinks.sealedChildId,
      inUseChildId: sameChildLinks.inUseChildId,
      otherId: other.id,
      otherReference: other.reference,
      markedAt: sameChildLinks.createdAt,
    })
    .from(sameChildLinks)
    .innerJoin(
      other,
      or(
        and(eq(sameChildLinks.sealedChildId, childId), eq(other.id, sameChildLinks.inUseChildId)),
        and(eq(sameChildLinks.inUseChildId, childId), eq(other.id, sameChildLinks.sealedChildId)),
      ),
    )
    .where(
      and(
        isNull(sameChildLinks.deletedAt),
        or(eq(sameChildLinks.sealedChildId, childId), eq(sameChildLinks.inUseChildId, childId)),
      ),
    );
  return rows.map((r) => ({
    otherId: r.otherId,
    otherReference: r.otherReference,
    /** "in use": the other record is the one in use (this one is closed); "closed": the other is closed. */
    other: r.sealedChildId === childId ? ("in use" as const) : ("closed" as const),
    markedAt: r.markedAt,
  }));
}

/** Every marking, newest first, for the records officer (paged). */
export async function listSameChildLinks(db: Queryable, page = 1, pageSize = 25) {
  const sealed = aliasedTable(children, "sealed");
  const inUse = aliasedTable(children, "in_use");
  const rows = await db
    .select({
      id: sameChildLinks.id,
      sealedReference: sealed.reference,
      inUseReference: inUse.reference,
      reason: sameChildLinks.reason,
      markedBy: users.name,
      markedAt: sameChildLinks.createdAt,
    })
    .from(sameChildLinks)
    .innerJoin(sealed, eq(sealed.id, sameChildLinks.sealedChildId))
    .innerJoin(inUse, eq(inUse.id, sameChildLinks.inUseChildId))
    .innerJoin(users, eq(users.id, sameChildLinks.markedBy))
    .where(isNull(sameChildLinks.deletedAt))
    .orderBy(desc(sameChildLinks.createdAt))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}
