// The one access policy: role permissions (data) narrowed by the relationship to a child,
// decided in SQL. Every page and server action that touches a child's data asks here first.
import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import {
  breakGlassGrants,
  carerRecords,
  carerRecordVersions,
  children,
  episodes,
  providerArrangements,
  sameChildLinks,
  type Role,
} from "@/db/schema";
import { todayIso } from "@/lib/dates";
import { RECORD_SECTIONS } from "@/lib/sections";
import {
  CARER_RELATION_PARTS,
  RELATION_SECTIONS,
  ROLE_PERMISSIONS,
  type CarerRelation,
  redactionsFor,
  type Permission,
  type RecordSection,
  type Redactions,
  type Relation,
} from "./permissions";
import { POLICIES, type PolicyName, type PolicyReach } from "./policies";
import { isUuid } from "@/lib/validation";

export * from "./permissions";
export * from "./policies";

/** The signed-in person, as read from the database on this request. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  organisationId: string | null;
}

export function can(actor: Pick<Actor, "role">, permission: Permission): boolean {
  return ROLE_PERMISSIONS[actor.role].includes(permission);
}

declare const granted: unique symbol;

/**
 * How the actor relates to one child, as decided by `childAccess`. Branded: only this module
 * creates one, so holding a ChildAccess means the policy was asked.
 */
export interface ChildAccess {
  readonly childId: string;
  readonly relation: Relation;
  readonly teamId: string;
  /** What the relationship hides inside the sections it reaches. */
  readonly redactions: Redactions;
  /**
   * When this record was found to be the same child as another, the reference of the record in
   * use: this one stays readable and is sealed against anything new.
   */
  readonly sealedInFavourOf: string | null;
  readonly [granted]: true;
}

/**
 * `children.id`, always qualified: inside a selected subquery Drizzle renders a bare column as
 * "id", which the subquery's own table would capture.
 */
export const childIdColumn = sql.raw(`"children"."id"`);

/** Active provider arrangement: started, and not yet at its end date (access ends on that day). */
export function activeArrangementFor(organisationId: string, today: string = todayIso()): SQL {
  return sql`exists (select 1 from ${providerArrangements} pa
    where pa.child_id = ${childIdColumn} and pa.organisation_id = ${organisationId}
      and pa.deleted_at is null and pa.superseded_at is null and pa.start_date <= ${today}
      and (pa.end_date is null or pa.end_date > ${today}))`;
}

/** The children a person's caseload reaches, as a condition on `children` (no break-glass). */
export function caseloadScope(actor: Actor): SQL {
  const live = isNull(children.deletedAt);
  switch (actor.role) {
    case "social_worker":
      return and(
        live,
        actor.teamId
          ? or(eq(children.allocatedWorkerId, actor.id), eq(children.teamId, actor.teamId))
          : eq(children.allocatedWorkerId, actor.id),
      ) as SQL;
    case "team_manager":
      return actor.teamId ? (and(live, eq(children.teamId, actor.teamId)) as SQL) : sql`false`;
    case "iro":
      return and(live, eq(children.iroId, actor.id)) as SQL;
    case "provider":
      return actor.organisationId ? (and(live, activeArrangementFor(actor.organisationId)) as SQL) : sql`false`;
    case "records_officer":
    case "supervising_social_worker":
      return sql`false`;
  }
}

function relationFor(
  actor: Actor,
  row: {
    teamId: string;
    allocatedWorkerId: string | null;
    iroId: string | null;
    providerActive: boolean;
    breakGlass: boolean;
  },
): Relation | null {
  switch (actor.role) {
    case "social_worker":
      if (row.allocatedWorkerId === actor.id) return "allocated";
      if (actor.teamId && row.teamId === actor.teamId) return row.breakGlass ? "break_glass" : "team";
      break;
    case "team_manager":
      if (actor.teamId && row.teamId === actor.teamId) return "manager";
      break;
    case "iro":
      if (row.iroId === actor.id) return "iro";
      break;
    case "provider":
      return row.providerActive ? "provider" : null;
    case "records_officer":
    case "supervising_social_worker":
      break;
  }
  return row.breakGlass ? "break_glass" : null;
}

/** How the actor relates to one child, or null when they may not open it at all. */
export async function childAccess(
  db: Queryable,
  actor: Actor,
  childId: string,
  now: Date = new Date(),
): Promise<ChildAccess | null> {
  if (!isUuid(childId)) return null;
  const [row] = await db
    .select({
      teamId: children.teamId,
      allocatedWorkerId: children.allocatedWorkerId,
      iroId: children.iroId,
      providerActive: actor.organisationId
        ? activeArrangementFor(actor.organisationId, todayIso(now)).mapWith(Boolean)
        : sql<boolean>`false`,
      breakGlass:
        actor.role === "provider"
          ? sql<boolean>`false`
          : sql<boolean>`exists (select 1 from ${breakGlassGrants} bg where bg.child_id = ${childIdColumn} and bg.user_id = ${actor.id} and bg.expires_at > ${now.toISOString()})`.mapWith(
              Boolean,
            ),
      sealedInFavourOf: sql<
        string | null
      >`(select c2.reference from ${sameChildLinks} l join ${children} c2 on c2.id = l.in_use_child_id where l.sealed_child_id = ${childIdColumn} and l.deleted_at is null limit 1)`,
    })
    .from(children)
    .where(and(eq(children.id, childId), isNull(children.deletedAt)))
    .limit(1);
  if (!row) return null;
  const relation = relationFor(actor, row);
  if (!relation) return null;
  // The one place a ChildAccess is made.
  return {
    childId,
    relation,
    teamId: row.teamId,
    redactions: redactionsFor(actor.role, relation),
    sealedInFavourOf: row.sealedInFavourOf ?? null,
  } as ChildAccess;
}

declare const carerGranted: unique symbol;

/**
 * How the actor relates to one foster carer's or children's home's record, as decided by
 * `carerAccess`. Branded like ChildAccess: only this module creates one.
 */
export interface CarerAccess {
  readonly carerRecordId: string;
  readonly kind: "foster_carer" | "childrens_home";
  readonly relation: CarerRelation;
  readonly [carerGranted]: true;
}

function isCarerAccess(access: ChildAccess | CarerAccess): access is CarerAccess {
  return "carerRecordId" in access;
}

/** `carer_records.id`, always qualified (see childIdColumn). */
export const carerIdColumn = sql.raw(`"carer_records"."id"`);

/** The carers' and homes' records a person's list reaches, as a condition on `carer_records`. */
export function carerScope(actor: Actor): SQL {
  const live = isNull(carerRecords.deletedAt);
  switch (actor.role) {
    case "supervising_social_worker":
      return and(
        live,
        sql`exists (select 1 from ${carerRecordVersions} v where v.carer_record_id = ${carerIdColumn}
          and v.superseded_at is null and v.supervising_worker_id = ${actor.id})`,
      ) as SQL;
    case "team_manager":
      return live;
    case "social_worker":
      return and(
        live,
        sql`exists (select 1 from ${episodes} e join ${children} c on c.id = e.child_id
          where e.carer_record_id = ${carerIdColumn} and e.superseded_at is null and e.deleted_at is null
            and e.end_date is null and c.allocated_worker_id = ${actor.id})`,
      ) as SQL;
    default:
      return sql`false`;
  }
}

/** How the actor relates to one carer's or home's record, or null when they may not open it at all. */
export async function carerAccess(db: Queryable, actor: Actor, carerRecordId: string): Promise<CarerAccess | null> {
  if (!isUuid(carerRecordId)) return null;
  const [row] = await db
    .select({
      kind: carerRecords.kind,
      supervising:
        sql<boolean>`exists (select 1 from ${carerRecordVersions} v where v.carer_record_id = ${carerIdColumn}
        and v.superseded_at is null and v.deleted_at is null and v.supervising_worker_id = ${actor.id})`.mapWith(
          Boolean,
        ),
      // A child placed there now (an open episode, latest version) who is allocated to the actor:
      // looked for among the actor's own children (a caseload), never among all of a home's placements.
      placedChildWorker: sql<boolean>`exists (select 1 from ${episodes} e
        where e.child_id = any (array(select c.id from ${children} c where c.allocated_worker_id = ${actor.id} and c.deleted_at is null))
          and e.carer_record_id = ${carerIdColumn} and e.superseded_at is null and e.deleted_at is null
          and e.end_date is null)`.mapWith(Boolean),
    })
    .from(carerRecords)
    .where(and(eq(carerRecords.id, carerRecordId), isNull(carerRecords.deletedAt)))
    .limit(1);
  if (!row) return null;
  let relation: CarerRelation | null = null;
  if (actor.role === "supervising_social_worker" && row.supervising) relation = "supervising";
  else if (actor.role === "team_manager") relation = "carer_manager";
  else if (actor.role === "social_worker" && row.placedChildWorker) relation = "placed_child_worker";
  if (!relation) return null;
  // The one place a CarerAccess is made.
  return { carerRecordId, kind: row.kind, relation } as CarerAccess;
}

function carerReaches(access: CarerAccess, reach: Extract<PolicyReach, { kind: "carer" }>): boolean {
  return CARER_RELATION_PARTS[access.relation][reach.mode].includes(reach.part);
}

/** The policy's relationship rule alone: may this relationship reach that section in this mode? */
function relationReaches(access: ChildAccess, reach: PolicyReach): boolean {
  if (reach.kind === "relation") return reach.relations.includes(access.relation);
  if (reach.kind !== "section") return false;
  return RELATION_SECTIONS[access.relation][reach.mode].includes(reach.section);
}

/**
 * Whether the actor may use a policy, given their access to the child (null for policies that
 * reach no child). Pages ask this to decide what to show; both doors ask it to decide.
 */
export function allows(
  actor: Pick<Actor, "role">,
  access: ChildAccess | CarerAccess | null,
  name: PolicyName,
): boolean {
  const p = POLICIES[name];
  if (p.permission && !can(actor, p.permission)) return false;
  switch (p.reaches.kind) {
    case "section":
    case "relation":
      if (!access || isCarerAccess(access)) return false;
      if (access.relation === "break_glass" && !p.breakGlass) return false;
      if (access.sealedInFavourOf && p.reaches.kind === "section" && p.reaches.mode === "write") return false;
      return relationReaches(access, p.reaches);
    case "carer":
      return access !== null && isCarerAccess(access) && carerReaches(access, p.reaches);
    case "subject":
    case "authority":
    case "self":
    case "public":
      return true;
  }
}

/** What a caseload row hides: the least a person's role can have with a child it lists. */
export function caseloadRedactions(actor: Pick<Actor, "role">): Redactions {
  const least: Record<Role, Relation> = {
    social_worker: "team",
    team_manager: "manager",
    iro: "iro",
    provider: "provider",
    records_officer: "break_glass",
    supervising_social_worker: "team",
  };
  return redactionsFor(actor.role, least[actor.role]);
}

/** Sections shown as tabs for this person on this child: those whose view policy they may use. */
export function readableSections(actor: Actor, access: ChildAccess): RecordSection[] {
  return RECORD_SECTIONS.filter((s) => allows(actor, access, `${s}.view`));
}

/** Why a door refused: kept in the audit event; only "section" may be told to the person. */
export type Refusal = "permission" | "relationship" | "section" | "break-glass" | "no-child" | "sealed";

export type Decision =
  | { ok: true; access: ChildAccess | CarerAccess | null }
  | { ok: false; refusal: Refusal; access: ChildAccess | CarerAccess | null };

/**
 * The decision both doors take (`childId` names the subject: a child, or for a carer policy the
 * carer's or home's record): the policy's permission, then for a child's section the
 * relationship (decided in SQL), the section and break-glass rules. A refusal says whether the
 * person can otherwise open the child (`access`), so a page can be honest with someone who may
 * read the record but not this part, and say nothing to anyone else.
 */
export async function decide(
  db: Queryable,
  actor: Actor,
  name: PolicyName,
  childId: string | null,
  now: Date = new Date(),
): Promise<Decision> {
  const p = POLICIES[name];
  // A carer's or home's record: the subject is the record, never a child.
  if (p.reaches.kind === "carer") {
    if (p.permission && !can(actor, p.permission)) return { ok: false, refusal: "permission", access: null };
    if (!childId || !isUuid(childId)) return { ok: false, refusal: "no-child", access: null };
    const carer = await carerAccess(db, actor, childId);
    if (!carer) return { ok: false, refusal: "relationship", access: null };
    if (!carerReaches(carer, p.reaches)) return { ok: false, refusal: "section", access: carer };
    return { ok: true, access: carer };
  }
  const viaRelation = p.reaches.kind === "section" || p.reaches.kind === "relation";
  const needsChild = viaRelation || p.reaches.kind === "subject";
  if (needsChild && (!childId || !isUuid(childId))) return { ok: false, refusal: "no-child", access: null };
  if (p.permission && !can(actor, p.permission)) {
    // Whether the person may open this child at all, so a page can say honestly that this part is
    // not for their role (a provider's chronology); null for anyone else, as for no child at all.
    const access = viaRelation && childId ? await childAccess(db, actor, childId, now) : null;
    return { ok: false, refusal: "permission", access };
  }
  if (!viaRelation || !childId) return { ok: true, access: null };
  const access = await childAccess(db, actor, childId, now);
  if (!access) return { ok: false, refusal: "relationship", access: null };
  if (access.relation === "break_glass" && !p.breakGlass) return { ok: false, refusal: "break-glass", access };
  if (!relationReaches(access, p.reaches)) return { ok: false, refusal: "section", access };
  // A record sealed as the same child as another takes nothing new; it stays readable.
  if (access.sealedInFavourOf && p.reaches.kind === "section" && p.reaches.mode === "write")
    return { ok: false, refusal: "sealed", access };
  return { ok: true, access };
}
