// Writes about the people around a child: a person linked to the child (one person record however
// many siblings they are linked to), a change of their details as a new version, a link ended with
// its reason; sibling links on both records at once; siblings' contact arrangements linked. Nothing
// is removed and nothing is merged: every child's record stays its own. Each function runs in the
// caller's transaction; what touches a second child asks the policy about that child too and
// audits on that child's chain.
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  childPeople,
  persons,
  recordEntries,
  siblingContactLinks,
  siblingLinks,
  type PersonVersion,
} from "@/db/schema";
import { allows, childAccess, type Actor, type ChildAccess, type PolicyName } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { entryVisibility } from "@/lib/records/queries";
import { lockChain, type VersionChain } from "@/lib/records/versions";
import { RELATIONSHIP_LABELS, type AddPersonInput, type AmendPersonInput, type LinkSiblingInput } from "./schemas";

/** The other child's access, when the policy lets this person do the same there; refused otherwise. */
export async function otherChildAccess(
  tx: Tx,
  actor: Actor,
  childId: string,
  policy: PolicyName,
  field: string,
): Promise<ChildAccess> {
  const access = await childAccess(tx, actor, childId);
  if (!access || !allows(actor, access, policy))
    throw new AppError("forbidden:child", undefined, {
      [field]: ["You cannot change that child's record: ask their social worker or team manager"],
    });
  return access;
}

/** The child's siblings with a current link (their ids). */
export async function currentSiblingIds(tx: Tx, childId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: siblingLinks.siblingId })
    .from(siblingLinks)
    .where(and(eq(siblingLinks.childId, childId), isNull(siblingLinks.endDate), isNull(siblingLinks.deletedAt)));
  return rows.map((r) => r.id);
}

export async function addPerson(tx: Tx, actor: Actor, access: ChildAccess, input: AddPersonInput) {
  let personId = input.existingPersonId;
  if (personId) {
    // Only someone already on one of the child's siblings' records: the same person, one record.
    const siblings = await currentSiblingIds(tx, access.childId);
    const [known] = siblings.length
      ? await tx
          .select({ id: childPeople.id })
          .from(childPeople)
          .where(and(eq(childPeople.personId, personId), inArray(childPeople.childId, siblings)))
          .limit(1)
      : [];
    if (!known)
      throw new AppError("invalid:input", undefined, {
        existingPersonId: ["Choose someone already linked to one of the child's siblings"],
      });
  } else {
    personId = crypto.randomUUID();
    await tx.insert(persons).values({
      id: personId,
      personId,
      version: 1,
      firstName: input.firstName,
      lastName: input.lastName,
      address: input.address || null,
      phone: input.phone || null,
      email: input.email || null,
      createdBy: actor.id,
    });
  }
  const [current] = await tx
    .select({ id: childPeople.id })
    .from(childPeople)
    .where(
      and(eq(childPeople.childId, access.childId), eq(childPeople.personId, personId), isNull(childPeople.endDate)),
    )
    .limit(1);
  if (current)
    throw new AppError("invalid:input", undefined, { existingPersonId: ["They are already linked to this child"] });
  const [link] = await tx
    .insert(childPeople)
    .values({
      childId: access.childId,
      personId,
      relationship: input.relationship,
      relationshipDetail: input.relationship === "other" ? input.relationshipDetail : null,
      parentalResponsibility: input.parentalResponsibility,
      startDate: input.startDate,
      createdBy: actor.id,
    })
    .returning();
  if (!link) throw new Error("insert returned no row");
  return { linkId: link.id, personId };
}

type NewPersonVersion = Omit<typeof persons.$inferInsert, "id" | "personId" | "version">;

function personChain(personId: string): VersionChain<PersonVersion, NewPersonVersion> {
  return {
    async lockAndRead(tx) {
      const [first] = await tx
        .select({ id: persons.id })
        .from(persons)
        .where(and(eq(persons.personId, personId), eq(persons.version, 1)))
        .for("update");
      if (!first) return [];
      return tx.select().from(persons).where(eq(persons.personId, personId)).orderBy(asc(persons.version));
    },
    async supersede(tx, latest) {
      await tx
        .update(persons)
        .set({ supersededAt: new Date() })
        .where(and(eq(persons.id, latest.id), isNull(persons.supersededAt)));
    },
    async insert(tx, version, values) {
      const [row] = await tx
        .insert(persons)
        .values({ ...values, personId, version })
        .onConflictDoNothing({ target: [persons.personId, persons.version] })
        .returning();
      return row;
    },
  };
}

/** A change of a person's details: a new version with a reason; only for someone linked to this child now. */
export async function amendPerson(tx: Tx, actor: Actor, access: ChildAccess, input: AmendPersonInput) {
  const [link] = await tx
    .select({ id: childPeople.id })
    .from(childPeople)
    .where(
      and(
        eq(childPeople.childId, access.childId),
        eq(childPeople.personId, input.personId),
        isNull(childPeople.endDate),
      ),
    )
    .limit(1);
  if (!link) throw new AppError("not-found", "That person is not linked to this child.");
  const chain = await lockChain(tx, personChain(input.personId));
  return chain.append(
    {
      firstName: input.firstName,
      lastName: input.lastName,
      address: input.address || null,
      phone: input.phone || null,
      email: input.email || null,
      amendReason: input.amendReason,
      createdBy: actor.id,
    },
    {
      baseVersion: input.baseVersion,
      stale: (current) =>
        new AppError(
          "conflict:version",
          `Someone changed this person's details a moment ago (now version ${current.version}). Reload the page.`,
        ),
    },
  );
}

export async function endPersonLink(
  tx: Tx,
  access: ChildAccess,
  input: { linkId: string; endDate: string; endReason: string },
) {
  const [row] = await tx
    .update(childPeople)
    .set({ endDate: input.endDate, endReason: input.endReason })
    .where(and(eq(childPeople.id, input.linkId), eq(childPeople.childId, access.childId), isNull(childPeople.endDate)))
    .returning({ id: childPeople.id, startDate: childPeople.startDate });
  if (!row) throw new AppError("not-found", "That link has already ended, or it is not this child's.");
  return row;
}

/** A sibling link, shown on both records: one row on each, recorded together. */
export async function linkSibling(tx: Tx, actor: Actor, access: ChildAccess, input: LinkSiblingInput) {
  if (input.siblingId === access.childId)
    throw new AppError("invalid:input", undefined, { siblingId: ["Choose another child"] });
  await otherChildAccess(tx, actor, input.siblingId, "siblings.link", "siblingId");
  const [current] = await tx
    .select({ id: siblingLinks.id })
    .from(siblingLinks)
    .where(
      and(
        eq(siblingLinks.childId, access.childId),
        eq(siblingLinks.siblingId, input.siblingId),
        isNull(siblingLinks.endDate),
      ),
    )
    .limit(1);
  if (current) throw new AppError("invalid:input", undefined, { siblingId: ["They are already linked as siblings"] });
  const values = {
    relationship: input.relationship,
    placement: input.placement,
    placementReason: input.placementReason,
    startDate: input.startDate,
    createdBy: actor.id,
  };
  await tx.insert(siblingLinks).values([
    { childId: access.childId, siblingId: input.siblingId, ...values },
    { childId: input.siblingId, siblingId: access.childId, ...values },
  ]);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "siblings.link",
    childId: input.siblingId,
    detail: { siblingId: access.childId, relationship: input.relationship, placement: input.placement },
  });
}

/** Ends a sibling link on both records, with the reason; the link stays readable as ended. */
export async function endSiblingLink(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { siblingId: string; endDate: string; endReason: string },
) {
  await otherChildAccess(tx, actor, input.siblingId, "siblings.end", "siblingId");
  const ended = await tx
    .update(siblingLinks)
    .set({ endDate: input.endDate, endReason: input.endReason })
    .where(
      and(
        or(
          and(eq(siblingLinks.childId, access.childId), eq(siblingLinks.siblingId, input.siblingId)),
          and(eq(siblingLinks.childId, input.siblingId), eq(siblingLinks.siblingId, access.childId)),
        ),
        isNull(siblingLinks.endDate),
      ),
    )
    .returning({ id: siblingLinks.id });
  if (ended.length === 0) throw new AppError("not-found", "Those children are not linked as siblings now.");
  await recordAudit(tx, {
    actorId: actor.id,
    action: "siblings.end",
    childId: input.siblingId,
    detail: { siblingId: access.childId, reason: input.endReason },
  });
  return { ended: ended.length };
}

/** Links a contact arrangement of this child with one of a linked sibling's, across the two records. */
export async function linkSiblingContact(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { contactEntryId: string; siblingId: string; siblingContactEntryId: string },
) {
  const siblingAccess = await otherChildAccess(tx, actor, input.siblingId, "siblings.linkContact", "siblingId");
  if (!(await currentSiblingIds(tx, access.childId)).includes(input.siblingId))
    throw new AppError("invalid:input", undefined, { siblingId: ["Link the children as siblings first"] });
  const visibleContact = async (a: ChildAccess, entryId: string) =>
    (
      await tx
        .select({ id: recordEntries.id })
        .from(recordEntries)
        .where(
          and(
            entryVisibility(actor, a, "contact"),
            eq(recordEntries.section, "contact"),
            eq(recordEntries.entryId, entryId),
            eq(recordEntries.isLatest, true),
          ),
        )
        .limit(1)
    ).length > 0;
  if (!(await visibleContact(access, input.contactEntryId)))
    throw new AppError("invalid:input", undefined, { contactEntryId: ["Choose one of this child's arrangements"] });
  if (!(await visibleContact(siblingAccess, input.siblingContactEntryId)))
    throw new AppError("invalid:input", undefined, {
      siblingContactEntryId: ["Choose one of the sibling's arrangements"],
    });
  const [row] = await tx
    .insert(siblingContactLinks)
    .values({ childId: access.childId, ...input, createdBy: actor.id })
    .onConflictDoNothing()
    .returning({ id: siblingContactLinks.id });
  if (!row) throw new AppError("invalid:input", "Those arrangements are already linked.");
  await recordAudit(tx, {
    actorId: actor.id,
    action: "siblings.linkContact",
    childId: input.siblingId,
    detail: { contactEntryId: input.siblingContactEntryId, linkedWith: input.contactEntryId },
  });
  return { linkId: row.id };
}

/** A parent's views as stored on a decision: who (chosen from the links), their relationship, and the views. */
export interface StoredParentView {
  personId: string | null;
  name: string;
  relationship: string;
  parentalResponsibility?: boolean;
  status: string;
  text: string;
}

/**
 * Parents' views for a decision, chosen from the people linked to the child: each must be one of
 * them (their name and relationship are taken from the record, not typed), and with `everyWithPr`
 * every parent with parental responsibility must be there (views given, sought and not given, or
 * not sought with the reason). Field errors name the person.
 */
export async function resolveParentViews(
  tx: Tx,
  childId: string,
  items: ReadonlyArray<{ personId?: string | null; status: string; text: string }>,
  opts: { everyWithPr: boolean; field?: string },
): Promise<StoredParentView[]> {
  const field = opts.field ?? "parentViews";
  const links = await linkedPeople(tx, childId);
  const errors: Record<string, string[]> = {};
  const seen = new Set<string>();
  const out: StoredParentView[] = [];
  items.forEach((item, i) => {
    const link = item.personId ? links.find((l) => l.personId === item.personId) : undefined;
    if (!link) {
      errors[`${field}.${i}.personId`] = ["Choose the parent from the people linked to the child"];
      return;
    }
    // A row left blank records nothing; a parent with parental responsibility left blank on a
    // decision is reported below as missing.
    if (item.status === "") return;
    if (seen.has(link.personId)) {
      errors[`${field}.${i}.personId`] = ["Each person's views once"];
      return;
    }
    seen.add(link.personId);
    if (!["given", "sought_not_given", "not_sought"].includes(item.status))
      errors[`${field}.${i}.status`] = [`Say whether ${link.name}'s views were given, sought or not sought`];
    else if (item.status !== "sought_not_given" && item.text === "")
      errors[`${field}.${i}.text`] = [
        item.status === "given" ? `Record ${link.name}'s views` : `Say why ${link.name}'s views were not sought`,
      ];
    out.push({
      personId: link.personId,
      name: link.name,
      relationship: link.relationshipLabel,
      parentalResponsibility: link.parentalResponsibility,
      status: item.status,
      text: item.text,
    });
  });
  if (opts.everyWithPr) {
    const missing = links.filter((l) => l.parentalResponsibility && !seen.has(l.personId));
    if (missing.length)
      (errors[field] ??= []).push(
        `Record the views of every parent with parental responsibility: ${missing.map((m) => m.name).join(", ")}`,
      );
  }
  if (Object.keys(errors).length) throw new AppError("invalid:input", undefined, errors);
  return out;
}

/** The people linked to the child now, with their current names (the latest version). */
export async function linkedPeople(tx: Pick<Tx, "select">, childId: string) {
  const rows = await tx
    .select({
      linkId: childPeople.id,
      personId: childPeople.personId,
      relationship: childPeople.relationship,
      relationshipDetail: childPeople.relationshipDetail,
      parentalResponsibility: childPeople.parentalResponsibility,
      firstName: persons.firstName,
      lastName: persons.lastName,
    })
    .from(childPeople)
    .innerJoin(persons, and(eq(persons.personId, childPeople.personId), isNull(persons.supersededAt)))
    .where(and(eq(childPeople.childId, childId), isNull(childPeople.endDate), isNull(childPeople.deletedAt)))
    .orderBy(asc(persons.lastName), asc(persons.firstName));
  return rows.map((r) => ({
    ...r,
    name: `${r.firstName} ${r.lastName}`,
    relationshipLabel:
      r.relationship === "other" && r.relationshipDetail ? r.relationshipDetail : RELATIONSHIP_LABELS[r.relationship],
  }));
}
