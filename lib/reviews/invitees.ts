// Who can be invited to a child's review, chosen rather than typed: the child, the people linked
// to the child, the carers the child lives with now, and the professionals around the child. The
// form ticks keys; the command resolves each key back to its words here, refusing any key that is
// not one of this child's choices, so no review names someone from another child's record.
import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { carerRecords, children, episodes, users } from "@/db/schema";
import { ROLE_LABELS } from "@/lib/access/permissions";
import { linkedPeople } from "@/lib/people/commands";

export interface InviteeChoice {
  key: string;
  label: string;
}

type Reader = Pick<Tx, "select">;

export async function inviteeChoices(db: Reader, childId: string): Promise<InviteeChoice[]> {
  const [child] = await db
    .select({
      firstName: children.firstName,
      preferredName: children.preferredName,
      lastName: children.lastName,
      worker: children.allocatedWorkerId,
      iro: children.iroId,
      teamId: children.teamId,
    })
    .from(children)
    .where(eq(children.id, childId));
  if (!child) return [];
  const [people, [carer], professionals] = await Promise.all([
    linkedPeople(db, childId),
    db
      .select({ id: carerRecords.id, name: carerRecords.name })
      .from(episodes)
      .innerJoin(carerRecords, eq(carerRecords.id, episodes.carerRecordId))
      .where(and(eq(episodes.childId, childId), isNull(episodes.supersededAt), isNull(episodes.endDate)))
      .orderBy(desc(episodes.startDate))
      .limit(1),
    db
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(
        and(
          eq(users.active, true),
          or(
            inArray(
              users.id,
              [child.worker, child.iro].filter((v): v is string => v !== null),
            ),
            and(eq(users.role, "team_manager"), eq(users.teamId, child.teamId)),
          ),
        ),
      ),
  ]);
  const name = `${child.preferredName ?? child.firstName} ${child.lastName}`;
  return [
    { key: "child", label: `${name} (the child)` },
    ...people.map((p) => ({
      key: `person:${p.personId}`,
      label: `${p.name} (${p.relationshipLabel}${p.parentalResponsibility ? ", parental responsibility" : ""})`,
    })),
    ...(carer ? [{ key: `carer:${carer.id}`, label: `${carer.name} (the child's carers)` }] : []),
    ...professionals
      .sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name))
      .map((u) => ({ key: `user:${u.id}`, label: `${u.name} (${ROLE_LABELS[u.role]})` })),
  ];
}

/** The words for the ticked keys, in the order offered; unknown keys are returned to refuse. */
export async function resolveInvitees(db: Reader, childId: string, keys: readonly string[]) {
  const choices = await inviteeChoices(db, childId);
  const known = new Set(choices.map((c) => c.key));
  const unknown = keys.filter((k) => !known.has(k));
  const wanted = new Set(keys);
  return { labels: choices.filter((c) => wanted.has(c.key)).map((c) => c.label), unknown };
}
