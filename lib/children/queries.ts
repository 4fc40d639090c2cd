// Reads of children: the caseload (scoped by the access policy in SQL) and the overview of one
// child, both redacted by what the policy says the relationship hides.
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import {
  carerRecords,
  childProtectionPlans,
  children,
  markerTasks,
  episodes,
  organisations,
  providerArrangements,
  siblingLinks,
  teams,
  users,
} from "@/db/schema";
import {
  allows,
  carerAccess,
  caseloadRedactions,
  caseloadScope,
  childIdColumn,
  type Actor,
  type ChildAccess,
} from "@/lib/access";
import { parseUkDate, todayIso } from "@/lib/dates";

export const CASELOAD_PAGE_SIZE = 25;

/**
 * Whether a Child Protection Plan is in force for the `children` row in scope: restricted, so
 * never worked out for someone it is hidden from (false for them). The record's header and the
 * caseload both ask it.
 */
export function cpPlanInForce(hidden: boolean): SQL<boolean> {
  return hidden
    ? sql<boolean>`false`
    : sql<boolean>`exists (select 1 from ${childProtectionPlans} p where p.child_id = ${childIdColumn} and p.end_date is null and p.deleted_at is null)`;
}

const worker = alias(users, "worker");
const iro = alias(users, "iro");

export interface CaseloadRow {
  id: string;
  reference: string;
  name: string;
  dateOfBirth: string;
  legalStatus: string | null;
  lookedAfter: boolean;
  placement: string | null;
  /** CP and CLA marker tasks not yet actioned (not shown to providers). */
  openMarkers: number;
  /** A Child Protection Plan is in force (never shown to providers). */
  cpInForce: boolean;
  workerName: string | null;
  iroName: string | null;
  allocatedToMe: boolean;
}

/** Lowercased, with LIKE wildcards escaped, so a search for "50%" means what it says. */
function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A search by name (any part), by reference (DEMO-1001, any part) or by date of birth typed as
 * dd/mm/yyyy: the one condition the caseload and the records officer's search share.
 */
export function childSearchCondition(search: string): SQL {
  const born = parseUkDate(search.trim());
  if (born) return eq(children.dateOfBirth, born);
  const pattern = likePattern(search.trim());
  return sql`(lower(${children.firstName} || ' ' || ${children.lastName} || ' ' || coalesce(${children.preferredName}, '')) like ${pattern}
    or lower(${children.reference}) like ${pattern})`;
}

export async function listCaseload(
  db: Queryable,
  actor: Actor,
  opts: { search?: string; page?: number; pageSize?: number } = {},
) {
  const pageSize = opts.pageSize ?? CASELOAD_PAGE_SIZE;
  const search = opts.search?.trim().slice(0, 100) ?? "";
  const conditions = [caseloadScope(actor)];
  if (search) conditions.push(childSearchCondition(search));
  const where = and(...conditions);
  const requested = Math.max(1, opts.page ?? 1);

  const redactions = caseloadRedactions(actor);
  const hideStaff = redactions.hidesStaffContacts;
  const hidesCp = redactions.hidesChildProtection;
  // The current episode is looked up for the page's rows only (index on episodes(child_id, start_date)).
  const current = sql`(select e.legal_status || '|' || (e.end_date is null)::text || '|' || e.placement from ${episodes} e
      where e.child_id = ${childIdColumn} and e.deleted_at is null and e.superseded_at is null
      order by e.start_date desc, e.started_at desc limit 1)`;
  const pageRows = (page: number) =>
    db
      .select({
        id: children.id,
        reference: children.reference,
        firstName: children.firstName,
        lastName: children.lastName,
        preferredName: children.preferredName,
        dateOfBirth: children.dateOfBirth,
        current: sql<string | null>`${current}`,
        // Per row of the page, by each table's child index: never a scan of the whole table.
        openMarkers: sql<number>`(select count(*)::int from ${markerTasks} m where m.child_id = ${childIdColumn} and m.actioned_at is null)`,
        cpInForce: cpPlanInForce(hidesCp),
        allocatedWorkerId: children.allocatedWorkerId,
        workerName: worker.name,
        iroName: iro.name,
      })
      .from(children)
      .leftJoin(worker, eq(worker.id, children.allocatedWorkerId))
      .leftJoin(iro, eq(iro.id, children.iroId))
      .where(where)
      .orderBy(asc(children.lastName), asc(children.firstName), asc(children.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  // The count and the page at once; a page past the end (a bookmark, a caseload that shrank) is
  // read again as the last page.
  const [countRows, firstTry] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(children)
      .where(where),
    pageRows(requested),
  ]);
  const total = countRows[0]?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(requested, pages);
  const rows = page === requested ? firstTry : await pageRows(page);

  const items: CaseloadRow[] = rows.map((r) => {
    const [legalStatus, open, placement] = (r.current ?? "").split("|");
    return {
      id: r.id,
      reference: r.reference,
      name: `${r.preferredName ? `${r.firstName} (${r.preferredName})` : r.firstName} ${r.lastName}`,
      dateOfBirth: r.dateOfBirth,
      legalStatus: legalStatus || null,
      lookedAfter: open === "true",
      placement: placement || null,
      openMarkers: hideStaff ? 0 : Number(r.openMarkers ?? 0),
      cpInForce: Boolean(r.cpInForce),
      workerName: hideStaff ? null : r.workerName,
      iroName: hideStaff ? null : r.iroName,
      allocatedToMe: r.allocatedWorkerId === actor.id,
    };
  });
  return { items, total, page, pages, pageSize, search };
}

export async function getChildOverview(db: Queryable, actor: Actor, access: ChildAccess) {
  const { hidesBirthFamilyAddresses, hidesStaffContacts } = access.redactions;
  const today = todayIso();
  // Four independent reads: on PostgreSQL they run side by side on the pool.
  const [childRows, episodeRows, siblings, arrangements] = await Promise.all([
    db
      .select({
        id: children.id,
        reference: children.reference,
        firstName: children.firstName,
        lastName: children.lastName,
        preferredName: children.preferredName,
        dateOfBirth: children.dateOfBirth,
        dateOfDeath: children.dateOfDeath,
        sex: children.sex,
        ethnicity: children.ethnicity,
        upn: children.upn,
        familyAddress: children.familyAddress,
        teamName: teams.name,
        workerId: children.allocatedWorkerId,
        workerName: worker.name,
        workerEmail: worker.email,
        iroId: children.iroId,
        iroName: iro.name,
      })
      .from(children)
      .innerJoin(teams, eq(teams.id, children.teamId))
      .leftJoin(worker, eq(worker.id, children.allocatedWorkerId))
      .leftJoin(iro, eq(iro.id, children.iroId))
      .where(eq(children.id, access.childId))
      .limit(1),
    db
      .select({
        id: episodes.id,
        startDate: episodes.startDate,
        reasonNewEpisode: episodes.reasonNewEpisode,
        legalStatus: episodes.legalStatus,
        categoryOfNeed: episodes.categoryOfNeed,
        placement: episodes.placement,
        placementProvider: episodes.placementProvider,
        endDate: episodes.endDate,
        reasonCeased: episodes.reasonCeased,
        carerName: carerRecords.name,
        carerRecordId: episodes.carerRecordId,
      })
      .from(episodes)
      .leftJoin(carerRecords, eq(carerRecords.id, episodes.carerRecordId))
      .where(and(eq(episodes.childId, access.childId), isNull(episodes.deletedAt), isNull(episodes.supersededAt)))
      .orderBy(desc(episodes.startDate)),
    access.redactions.hidesSiblingRecords
      ? []
      : db
          .select({
            id: children.id,
            firstName: children.firstName,
            lastName: children.lastName,
            relationship: siblingLinks.relationship,
          })
          .from(siblingLinks)
          .innerJoin(children, eq(children.id, siblingLinks.siblingId))
          .where(
            and(eq(siblingLinks.childId, access.childId), isNull(siblingLinks.endDate), isNull(siblingLinks.deletedAt)),
          ),
    allows(actor, access, "arrangements.view")
      ? db
          .select({
            id: providerArrangements.id,
            organisation: organisations.name,
            functions: providerArrangements.functions,
            startDate: providerArrangements.startDate,
            endDate: providerArrangements.endDate,
            active:
              sql<boolean>`${providerArrangements.startDate} <= ${today} and (${providerArrangements.endDate} is null or ${providerArrangements.endDate} > ${today})`.mapWith(
                Boolean,
              ),
          })
          .from(providerArrangements)
          .innerJoin(organisations, eq(organisations.id, providerArrangements.organisationId))
          .where(
            and(
              eq(providerArrangements.childId, access.childId),
              isNull(providerArrangements.deletedAt),
              isNull(providerArrangements.supersededAt),
            ),
          )
          .orderBy(desc(providerArrangements.startDate))
      : [],
  ]);
  const [child] = childRows;
  if (!child) return null;
  const open = episodeRows[0] && !episodeRows[0].endDate ? episodeRows[0] : null;
  // The carer's or home's record is linked only for someone the policy lets open it.
  const carer = open?.carerRecordId ? await carerAccess(db, actor, open.carerRecordId) : null;
  const carerHref = open && carer && allows(actor, carer, "carerRecord.view") ? `/carers/${carer.carerRecordId}` : null;

  return {
    child: {
      ...child,
      familyAddress: hidesBirthFamilyAddresses ? null : child.familyAddress,
      workerEmail: hidesStaffContacts ? null : child.workerEmail,
    },
    currentEpisode: open ? { ...open, carerHref } : null,
    episodes: episodeRows,
    siblings,
    arrangements,
  };
}
export type ChildOverview = NonNullable<Awaited<ReturnType<typeof getChildOverview>>>;

/** The authority's teams, for someone who may open a new child's record in any of them. */
export async function teamChoices(db: Queryable) {
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(isNull(teams.deletedAt))
    .orderBy(asc(teams.name));
}
