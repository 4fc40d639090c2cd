// Creating a child's record. Before anything is saved, possible duplicates (a similar name with
// the same date of birth, or the same UPN) are shown; the person opens the existing record or
// says why this is a different child. Records are never merged.
import { and, eq, isNull, or, sql } from "drizzle-orm";
import { rowsOf, type Tx } from "@/db/client";
import { allocations, children, teams } from "@/db/schema";
import { can, type Actor } from "@/lib/access";
import { todayIso } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { UPN_PATTERN, type CreateChildInput } from "./schemas";

export interface PossibleDuplicate {
  id: string;
  reference: string;
  name: string;
  dateOfBirth: string;
  why: "name and date of birth" | "UPN";
}

/** Records that may be the same child: only what the choice needs (name, reference, date of birth). */
export async function possibleDuplicates(tx: Tx, input: CreateChildInput): Promise<PossibleDuplicate[]> {
  const name = `${input.firstName} ${input.lastName}`.toLowerCase();
  const realUpn = UPN_PATTERN.test(input.upn);
  const rows = await tx
    .select({
      id: children.id,
      reference: children.reference,
      firstName: children.firstName,
      lastName: children.lastName,
      dateOfBirth: children.dateOfBirth,
      sameUpn: realUpn ? sql<boolean>`${children.upn} = ${input.upn}` : sql<boolean>`false`,
    })
    .from(children)
    .where(
      and(
        isNull(children.deletedAt),
        or(
          and(
            eq(children.dateOfBirth, input.dateOfBirth),
            sql`similarity(lower(${children.firstName} || ' ' || ${children.lastName}), ${name}) > 0.3`,
          ),
          realUpn ? eq(children.upn, input.upn) : sql`false`,
        ),
      ),
    )
    .limit(10);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    name: `${r.firstName} ${r.lastName}`,
    dateOfBirth: r.dateOfBirth,
    why: r.sameUpn ? "UPN" : "name and date of birth",
  }));
}

/**
 * The team a new record opens in: the creator's own unless someone who allocates (a team manager)
 * chose another, which must be one of the authority's teams.
 */
async function teamForNewChild(tx: Tx, actor: Actor & { teamId: string }, chosen: string): Promise<string> {
  if (chosen === "" || chosen === actor.teamId) return actor.teamId;
  if (!can(actor, "allocation.manage"))
    throw new AppError("invalid:input", undefined, {
      teamId: ["A social worker creates a record in their own team: its manager can transfer the child later"],
    });
  const [team] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, chosen), isNull(teams.deletedAt)))
    .limit(1);
  if (!team) throw new AppError("invalid:input", undefined, { teamId: ["Choose one of the authority's teams"] });
  return team.id;
}

export async function createChild(tx: Tx, actor: Actor, input: CreateChildInput) {
  if (!actor.teamId) throw new AppError("forbidden:action", "Only a member of a team creates a child's record.");
  const teamId = await teamForNewChild(tx, { ...actor, teamId: actor.teamId }, input.teamId);
  const duplicates = await possibleDuplicates(tx, input);
  if (duplicates.length > 0 && input.notDuplicateReason.length < 10) {
    throw new AppError(
      "conflict:duplicate",
      "This may be a child who already has a record. Open it, or say why this is a different child.",
      { notDuplicateReason: ["Say why this is a different child (at least 10 characters)"] },
      { details: { duplicates } },
    );
  }
  const [seq] = rowsOf<{ n: number }>(await tx.execute(sql`select nextval('child_reference_seq')::int as n`));
  if (!seq) throw new Error("no reference from child_reference_seq");
  const reference = `DEMO-${seq.n}`;
  const child = await openChildRecord(
    tx,
    actor,
    {
      reference,
      firstName: input.firstName,
      lastName: input.lastName,
      preferredName: input.preferredName || null,
      dateOfBirth: input.dateOfBirth,
      sex: input.sex,
      ethnicity: input.ethnicity,
      upn: input.upn,
      familyAddress: input.familyAddress || null,
      notDuplicateReason: duplicates.length > 0 ? input.notDuplicateReason : null,
    },
    todayIso(),
    teamId,
  );
  return {
    childId: child.id,
    reference: child.reference,
    teamId,
    inOwnTeam: teamId === actor.teamId,
    duplicatesShown: duplicates.map((d) => d.id),
  };
}

type NewChildRecord = Omit<typeof children.$inferInsert, "teamId" | "allocatedWorkerId" | "iroId" | "createdBy">;

/**
 * Opens a child's record from a date (today by default) in a team (the actor's by default): the
 * record, its first team spell, and for a social worker their own allocation. The demo seed opens
 * its children's records through this too, with their references and the dates they became known.
 */
export async function openChildRecord(
  tx: Tx,
  actor: Actor,
  values: NewChildRecord,
  since: string = todayIso(),
  teamId: string | null = actor.teamId,
) {
  if (!actor.teamId || !teamId)
    throw new AppError("forbidden:action", "Only a member of a team creates a child's record.");
  const allocateCreator = actor.role === "social_worker" && teamId === actor.teamId;
  const [child] = await tx
    .insert(children)
    .values({
      ...values,
      teamId,
      allocatedWorkerId: allocateCreator ? actor.id : null,
      createdBy: actor.id,
    })
    .returning({ id: children.id, reference: children.reference });
  if (!child) throw new Error("insert returned no row");
  await tx
    .insert(allocations)
    .values({ childId: child.id, kind: "team", teamId, startDate: since, createdBy: actor.id });
  if (allocateCreator)
    await tx
      .insert(allocations)
      .values({ childId: child.id, kind: "social_worker", userId: actor.id, startDate: since, createdBy: actor.id });
  return child;
}
