// Reads of the people around a child and of sibling links, narrowed by what the person's
// relationship hides: providers never see a person's address or contact details, nor links to
// siblings' records.
import { and, asc, desc, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { alias } from "drizzle-orm/pg-core";
import { childPeople, children, persons, recordEntries, siblingContactLinks, siblingLinks, users } from "@/db/schema";
import { allows, childAccess, POLICIES, type Actor, type ChildAccess } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { listCaseload } from "@/lib/children/queries";
import { entryVisibility } from "@/lib/records/queries";
import { RELATIONSHIP_LABELS } from "./schemas";

import { linkedPeople } from "./commands";
import type { ParentChoice } from "./views";

export { linkedPeople };

const author = alias(users, "author");

/** Everyone linked to the child, now and before, with their current details (contact details only where allowed). */
export async function listChildPeople(db: Queryable, access: ChildAccess) {
  const hide = access.redactions.hidesBirthFamilyAddresses;
  const rows = await db
    .select({
      linkId: childPeople.id,
      personId: childPeople.personId,
      relationship: childPeople.relationship,
      relationshipDetail: childPeople.relationshipDetail,
      parentalResponsibility: childPeople.parentalResponsibility,
      startDate: childPeople.startDate,
      endDate: childPeople.endDate,
      endReason: childPeople.endReason,
      version: persons.version,
      firstName: persons.firstName,
      lastName: persons.lastName,
      // Contact details are never selected for someone who may not see them.
      address: hide ? sql<string | null>`null` : persons.address,
      phone: hide ? sql<string | null>`null` : persons.phone,
      email: hide ? sql<string | null>`null` : persons.email,
      /** How many children's records this one person is linked to (siblings share one person record). */
      linkedChildren: sql<number>`(select count(distinct cp2.child_id)::int from ${childPeople} cp2 where cp2.person_id = ${sql.raw('"child_people"."person_id"')})`,
    })
    .from(childPeople)
    .innerJoin(persons, and(eq(persons.personId, childPeople.personId), isNull(persons.supersededAt)))
    .where(and(eq(childPeople.childId, access.childId), isNull(childPeople.deletedAt)))
    .orderBy(sql`${childPeople.endDate} is not null`, desc(childPeople.parentalResponsibility), asc(persons.lastName));
  return rows.map((r) => ({
    ...r,
    relationshipLabel:
      r.relationship === "other" && r.relationshipDetail ? r.relationshipDetail : RELATIONSHIP_LABELS[r.relationship],
  }));
}
export type ChildPersonRow = Awaited<ReturnType<typeof listChildPeople>>[number];

/**
 * Every version of the details of each person linked to the child (now or before), oldest first,
 * by person: who changed them, when and why. Contact details are never selected for someone who
 * may not see them, in any version.
 */
export async function listPersonVersions(db: Queryable, access: ChildAccess) {
  // Whoever may not see the birth family's contact details sees no history of them either: earlier
  // names and the reasons for each change ("moved to the refuge at ...") say what the fields hide.
  if (access.redactions.hidesBirthFamilyAddresses) return new Map<string, never[]>();
  const linked = db
    .select({ id: childPeople.personId })
    .from(childPeople)
    .where(and(eq(childPeople.childId, access.childId), isNull(childPeople.deletedAt)));
  const rows = await db
    .select({
      id: persons.id,
      personId: persons.personId,
      version: persons.version,
      firstName: persons.firstName,
      lastName: persons.lastName,
      address: persons.address,
      phone: persons.phone,
      email: persons.email,
      amendReason: persons.amendReason,
      createdAt: persons.createdAt,
      current: sql<boolean>`${persons.supersededAt} is null`.mapWith(Boolean),
      authorName: author.name,
    })
    .from(persons)
    .leftJoin(author, eq(author.id, persons.createdBy))
    .where(and(inArray(persons.personId, linked), isNull(persons.deletedAt)))
    .orderBy(asc(persons.personId), asc(persons.version));
  const byPerson = new Map<string, typeof rows>();
  for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  return byPerson;
}
export type PersonVersionRow = NonNullable<ReturnType<Awaited<ReturnType<typeof listPersonVersions>>["get"]>>[number];

/** The child's sibling links, current and ended; none for someone who may not see siblings' records. */
export async function listSiblingLinks(db: Queryable, access: ChildAccess) {
  if (access.redactions.hidesSiblingRecords) return [];
  return db
    .select({
      id: siblingLinks.id,
      siblingId: siblingLinks.siblingId,
      firstName: children.firstName,
      lastName: children.lastName,
      reference: children.reference,
      relationship: siblingLinks.relationship,
      placement: siblingLinks.placement,
      placementReason: siblingLinks.placementReason,
      startDate: siblingLinks.startDate,
      endDate: siblingLinks.endDate,
      endReason: siblingLinks.endReason,
    })
    .from(siblingLinks)
    .innerJoin(children, eq(children.id, siblingLinks.siblingId))
    .where(and(eq(siblingLinks.childId, access.childId), isNull(siblingLinks.deletedAt)))
    .orderBy(sql`${siblingLinks.endDate} is not null`, asc(children.firstName));
}

/** People on the child's siblings' records who are not linked to this child now: to link the same person. */
export async function peopleOfSiblings(db: Queryable, access: ChildAccess) {
  if (access.redactions.hidesSiblingRecords) return [];
  const siblingIds = db
    .select({ id: siblingLinks.siblingId })
    .from(siblingLinks)
    .where(and(eq(siblingLinks.childId, access.childId), isNull(siblingLinks.endDate)));
  const linkedHere = db
    .select({ id: childPeople.personId })
    .from(childPeople)
    .where(and(eq(childPeople.childId, access.childId), isNull(childPeople.endDate)));
  const rows = await db
    .selectDistinct({ personId: persons.personId, firstName: persons.firstName, lastName: persons.lastName })
    .from(childPeople)
    .innerJoin(persons, and(eq(persons.personId, childPeople.personId), isNull(persons.supersededAt)))
    .where(and(inArray(childPeople.childId, siblingIds), notInArray(childPeople.personId, linkedHere)))
    .orderBy(asc(persons.lastName), asc(persons.firstName));
  return rows.map((r) => ({ personId: r.personId, name: `${r.firstName} ${r.lastName}` }));
}

/**
 * Contact arrangements linked across siblings' records, seen from this child's side. Each title
 * is shown only where the person may read it: this child's under their access here, the
 * sibling's only when the policy lets them open the sibling's contact arrangements too (asked of
 * the sibling's record); otherwise the title is null and the page says so without a link.
 */
export async function listSiblingContactLinks(db: Queryable, actor: Actor, access: ChildAccess) {
  if (access.redactions.hidesSiblingRecords) return [];
  const mine = or(eq(siblingContactLinks.childId, access.childId), eq(siblingContactLinks.siblingId, access.childId));
  const rows = await db
    .select()
    .from(siblingContactLinks)
    .where(and(mine, isNull(siblingContactLinks.deletedAt)));
  if (rows.length === 0) return [];
  const visibleTitles = async (a: ChildAccess, entryIds: string[]) =>
    new Map(
      (
        await db
          .select({ entryId: recordEntries.entryId, title: recordEntries.title })
          .from(recordEntries)
          .where(
            and(
              entryVisibility(actor, a, "contact"),
              eq(recordEntries.section, "contact"),
              inArray(recordEntries.entryId, entryIds),
              eq(recordEntries.isLatest, true),
            ),
          )
      ).map((t) => [t.entryId, t.title]),
    );
  const sides = rows.map((r) => {
    const here = r.childId === access.childId;
    return {
      id: r.id,
      ownEntryId: here ? r.contactEntryId : r.siblingContactEntryId,
      siblingId: here ? r.siblingId : r.childId,
      siblingEntryId: here ? r.siblingContactEntryId : r.contactEntryId,
    };
  });
  const own = await visibleTitles(
    access,
    sides.map((s) => s.ownEntryId),
  );
  // The sibling's titles through the person's own access to that record, asked of the policy.
  const theirs = new Map<string, Map<string, string>>();
  for (const siblingId of new Set(sides.map((s) => s.siblingId))) {
    const other = await childAccess(db, actor, siblingId);
    if (!other || !allows(actor, other, "contact.view")) continue;
    const titles = await visibleTitles(
      other,
      sides.filter((s) => s.siblingId === siblingId).map((s) => s.siblingEntryId),
    );
    theirs.set(siblingId, titles);
    // What was read of the sibling's record is a view of it, logged on the sibling's own chain.
    if (titles.size > 0)
      await db.transaction((tx) =>
        recordAudit(tx, {
          actorId: actor.id,
          action: POLICIES["contact.view"].audit,
          childId: siblingId,
          detail: {
            relation: other.relation,
            via: "sibling contact link",
            fromChildId: access.childId,
            entries: [...titles.keys()],
          },
        }),
      );
  }
  const names = await db
    .select({ id: children.id, firstName: children.firstName, lastName: children.lastName })
    .from(children)
    .where(inArray(children.id, [...new Set(sides.map((s) => s.siblingId))]));
  return sides.map((s) => {
    const other = names.find((n) => n.id === s.siblingId);
    return {
      ...s,
      ownTitle: own.get(s.ownEntryId) ?? null,
      siblingName: other ? `${other.firstName} ${other.lastName}` : "",
      siblingTitle: theirs.get(s.siblingId)?.get(s.siblingEntryId) ?? null,
    };
  });
}

/**
 * Contact arrangements that may be linked: this child's, and each currently linked sibling's that
 * the person may link too (the policy asked on the sibling's record as well).
 */
export async function contactLinkChoices(db: Queryable, actor: Actor, access: ChildAccess) {
  const arrangements = (a: ChildAccess) =>
    db
      .select({ entryId: recordEntries.entryId, title: recordEntries.title })
      .from(recordEntries)
      .where(
        and(
          entryVisibility(actor, a, "contact"),
          eq(recordEntries.section, "contact"),
          eq(recordEntries.isLatest, true),
        ),
      )
      .orderBy(desc(recordEntries.occurredOn));
  const own = await arrangements(access);
  const siblings: Array<{ siblingId: string; name: string; arrangements: Array<{ entryId: string; title: string }> }> =
    [];
  for (const link of await listSiblingLinks(db, access)) {
    if (link.endDate) continue;
    const other = await childAccess(db, actor, link.siblingId);
    if (!other || !allows(actor, other, "siblings.linkContact")) continue;
    siblings.push({
      siblingId: link.siblingId,
      name: `${link.firstName} ${link.lastName}`,
      arrangements: await arrangements(other),
    });
  }
  return { own, siblings };
}

/** Other children this person may link as siblings: those they may change the people of, in their caseload. */
export async function siblingChoices(db: Queryable, actor: Actor, access: ChildAccess) {
  const { items } = await listCaseload(db, actor, { pageSize: 500 });
  const linked = new Set((await listSiblingLinks(db, access)).filter((l) => !l.endDate).map((l) => l.siblingId));
  const out: Array<{ id: string; name: string }> = [];
  for (const c of items) {
    if (c.id === access.childId || linked.has(c.id)) continue;
    const other = await childAccess(db, actor, c.id);
    if (other && allows(actor, other, "siblings.link")) out.push({ id: c.id, name: `${c.name} (${c.reference})` });
  }
  return out;
}

/** The people whose views a decision asks for: everyone linked now, parental responsibility first. */
export async function parentChoices(db: Queryable, access: ChildAccess): Promise<ParentChoice[]> {
  const people = await linkedPeople(db, access.childId);
  return people
    .map((p) => ({
      personId: p.personId,
      name: p.name,
      relationshipLabel: p.relationshipLabel,
      parentalResponsibility: p.parentalResponsibility,
    }))
    .sort((a, b) => Number(b.parentalResponsibility) - Number(a.parentalResponsibility));
}
