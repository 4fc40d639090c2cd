// Reads for user administration.
import { asc, eq } from "drizzle-orm";
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
