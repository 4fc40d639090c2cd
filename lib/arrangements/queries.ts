// Reading a child's provider arrangements, current and superseded.
import { asc, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { organisations, providerArrangements, users } from "@/db/schema";
import type { ChildAccess } from "@/lib/access";

const author = alias(users, "author");

export async function listArrangements(db: Queryable, access: ChildAccess) {
  const rows = await db
    .select({
      id: providerArrangements.id,
      organisation: organisations.name,
      organisationId: organisations.id,
      functions: providerArrangements.functions,
      startDate: providerArrangements.startDate,
      endDate: providerArrangements.endDate,
      supersedesId: providerArrangements.supersedesId,
      supersededAt: providerArrangements.supersededAt,
      amendReason: providerArrangements.amendReason,
      createdAt: providerArrangements.createdAt,
      authorName: author.name,
    })
    .from(providerArrangements)
    .innerJoin(organisations, eq(organisations.id, providerArrangements.organisationId))
    .leftJoin(author, eq(author.id, providerArrangements.createdBy))
    .where(eq(providerArrangements.childId, access.childId))
    .orderBy(desc(providerArrangements.startDate), desc(providerArrangements.createdAt));
  return { current: rows.filter((r) => !r.supersededAt), superseded: rows.filter((r) => r.supersededAt) };
}

export function listProviderOrganisations(db: Queryable) {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(isNull(organisations.deletedAt))
    .orderBy(asc(organisations.name));
}
