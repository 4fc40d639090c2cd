// The one access policy: role permissions (data) narrowed by the relationship to a child,
// decided in SQL. Every page and server action that touches a child's data asks here first.
import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { breakGlassGrants, children, providerArrangements, type Role } from "@/db/schema";
import { todayIso } from "@/lib/dates";
import { RELATION_SECTIONS, ROLE_PERMISSIONS, type Permission, type Relation, type Section } from "./permissions";
import { isUuid } from "@/lib/validation";

export * from "./permissions";

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

export interface ChildAccess {
  childId: string;
  relation: Relation;
  teamId: string;
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
    })
    .from(children)
    .where(and(eq(children.id, childId), isNull(children.deletedAt)))
    .limit(1);
  if (!row) return null;
  const relation = relationFor(actor, row);
  return relation ? { childId, relation, teamId: row.teamId } : null;
}

export function canReadSection(actor: Actor, access: ChildAccess | null, section: Section): boolean {
  return !!access && can(actor, `${section}.read`) && RELATION_SECTIONS[access.relation].read.includes(section);
}

export function canWriteSection(actor: Actor, access: ChildAccess | null, section: Section): boolean {
  return !!access && can(actor, `${section}.write`) && RELATION_SECTIONS[access.relation].write.includes(section);
}

/** Sections shown as tabs for this person on this child. */
export function readableSections(actor: Actor, access: ChildAccess): Section[] {
  return RELATION_SECTIONS[access.relation].read.filter((s) => can(actor, `${s}.read`));
}

/** Providers never see birth-family addresses or restricted entries; sealed entries are the records officer's alone. */
export function visibleConfidentiality(actor: Actor, access: ChildAccess): Array<"standard" | "restricted" | "sealed"> {
  if (access.relation === "provider") return ["standard"];
  if (actor.role === "records_officer") return ["standard", "restricted", "sealed"];
  return ["standard", "restricted"];
}
