// Reads for user administration.
import { asc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { organisations, teams, users } from "@/db/schema";

export function listUsers(db: Queryable) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      swId: users.swId,
      lockedUntil: users.lockedUntil,
      lastSignInAt: users.lastSignInAt,
      team: teams.name,
      organisation: organisations.name,
    })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .orderBy(asc(users.name));
}

export async function getUser(db: Queryable, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      teamId: users.teamId,
      organisationId: users.organisationId,
      active: users.active,
      swId: users.swId,
      lockedUntil: users.lockedUntil,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
      team: teams.name,
      organisation: organisations.name,
    })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

/** The teams and provider organisations a user can be placed in. */
export async function listPlacements(db: Queryable) {
  const [teamRows, organisationRows] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams).where(isNull(teams.deletedAt)).orderBy(asc(teams.name)),
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(isNull(organisations.deletedAt))
      .orderBy(asc(organisations.name)),
  ]);
  return { teams: teamRows, organisations: organisationRows };
}
