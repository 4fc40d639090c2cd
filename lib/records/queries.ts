// Reads of a child's record, always narrowed by the access policy: confidentiality levels the
// person may see, and for providers only what their arrangement needs.
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { diffWords } from "diff";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { formDrafts, recordEntries, users, type EntrySection, type RecordEntry } from "@/db/schema";
import type { Actor, ChildAccess } from "@/lib/access";
import { ENTRY_SECTIONS } from "@/db/schema/codes";
import { isUuid } from "@/lib/validation";

const isEntrySection = (s: string): s is EntrySection => (ENTRY_SECTIONS as readonly string[]).includes(s);

export const SECTION_PAGE_SIZE = 20;

const author = alias(users, "author");

/**
 * What of the record's entries this person may see on this child, as one SQL condition on
 * `record_entries`: the confidentiality levels and the narrowing their relationship brings (a
 * provider: the approved care plan only, and their own organisation's visits). The sections lists,
 * entry pages and the chronology all use this one rule.
 */
export function entryVisibility(actor: Actor, access: ChildAccess, section?: EntrySection): SQL {
  const { redactions } = access;
  const conditions: SQL[] = [
    eq(recordEntries.childId, access.childId),
    inArray(recordEntries.confidentiality, redactions.confidentiality),
    isNull(recordEntries.deletedAt),
  ];
  const scoped = (s: EntrySection, condition: SQL): SQL =>
    section === s
      ? condition
      : section === undefined
        ? (sql`(${recordEntries.section} <> ${s} or ${condition})` as SQL)
        : sql`true`;
  if (redactions.approvedCarePlanOnly) conditions.push(scoped("carePlan", eq(recordEntries.status, "approved")));
  for (const own of redactions.ownOrganisationSections) {
    if (own === "documents" || !isEntrySection(own)) continue;
    conditions.push(
      scoped(
        own,
        actor.organisationId ? eq(recordEntries.submittedByOrganisationId, actor.organisationId) : sql`false`,
      ),
    );
  }
  return and(...conditions) as SQL;
}

export async function listSectionEntries(
  db: Queryable,
  actor: Actor,
  access: ChildAccess,
  section: EntrySection,
  opts: { page?: number; pageSize?: number } = {},
) {
  const pageSize = opts.pageSize ?? SECTION_PAGE_SIZE;
  const where = and(
    entryVisibility(actor, access, section),
    eq(recordEntries.section, section),
    eq(recordEntries.isLatest, true),
  );
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recordEntries)
    .where(where);
  const total = count?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, opts.page ?? 1), pages);
  const items = await db
    .select({
      id: recordEntries.id,
      entryId: recordEntries.entryId,
      version: recordEntries.version,
      occurredOn: recordEntries.occurredOn,
      title: recordEntries.title,
      data: recordEntries.data,
      confidentiality: recordEntries.confidentiality,
      status: recordEntries.status,
      significant: recordEntries.significant,
      childProperty: recordEntries.childProperty,
      providerSubmitted: recordEntries.providerSubmitted,
      authorName: author.name,
      createdAt: recordEntries.createdAt,
    })
    .from(recordEntries)
    .innerJoin(author, eq(author.id, recordEntries.createdBy))
    .where(where)
    .orderBy(desc(recordEntries.occurredOn), desc(recordEntries.createdAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items, total, page, pages };
}

export type EntryVersion = RecordEntry & { authorName: string };

/** Every version of one entry, oldest first; empty when the person may not see it. */
export async function getEntryVersions(
  db: Queryable,
  actor: Actor,
  access: ChildAccess,
  section: EntrySection,
  entryId: string,
): Promise<EntryVersion[]> {
  if (!isUuid(entryId)) return [];
  const rows = await db
    .select({ entry: recordEntries, authorName: author.name })
    .from(recordEntries)
    .innerJoin(author, eq(author.id, recordEntries.createdBy))
    .where(
      and(
        entryVisibility(actor, access, section),
        eq(recordEntries.section, section),
        eq(recordEntries.entryId, entryId),
      ),
    )
    .orderBy(asc(recordEntries.version));
  // Visibility follows the latest version: once an entry is restricted, none of it reaches a provider.
  if (!rows.some((r) => r.entry.isLatest)) return [];
  return rows.map((r) => ({ ...r.entry, authorName: r.authorName }));
}

export interface FieldDiff {
  field: string;
  parts: Array<{ value: string; added?: boolean; removed?: boolean }>;
  changed: boolean;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map(asText).join("\n");
  if (typeof value === "object")
    return Object.values(value as Record<string, unknown>)
      .map(asText)
      .filter(Boolean)
      .join(": ");
  return String(value);
}

/** Word-level differences between two versions, field by field, for side-by-side comparison. */
export function diffEntryVersions(
  older: Pick<RecordEntry, "title" | "occurredOn" | "data">,
  newer: Pick<RecordEntry, "title" | "occurredOn" | "data">,
  labels: Record<string, string> = {},
): FieldDiff[] {
  const fields = ["title", "occurredOn", ...new Set([...Object.keys(older.data), ...Object.keys(newer.data)])];
  const get = (v: Pick<RecordEntry, "title" | "occurredOn" | "data">, f: string) =>
    f === "title" ? v.title : f === "occurredOn" ? v.occurredOn : v.data[f];
  return fields.map((f) => {
    const a = asText(get(older, f));
    const b = asText(get(newer, f));
    const parts = diffWords(a, b).map((p) => ({
      value: p.value,
      ...(p.added ? { added: true } : {}),
      ...(p.removed ? { removed: true } : {}),
    }));
    return { field: labels[f] ?? f, parts, changed: a !== b };
  });
}

/** The person's live autosaved draft for a form, if any. */
export async function getDraft(db: Queryable, actor: Actor, childId: string, formKey: string) {
  const [row] = await db
    .select()
    .from(formDrafts)
    .where(
      and(
        eq(formDrafts.userId, actor.id),
        eq(formDrafts.childId, childId),
        eq(formDrafts.formKey, formKey),
        isNull(formDrafts.usedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Whether this person may amend this entry, beyond the section's amend policy: never a sealed
 * entry, only what they may read, and a provider only what its own organisation submitted. The
 * entry page shows the button by this, and amendEntry refuses by it.
 */
export function entryAmendable(
  actor: Actor,
  access: ChildAccess,
  latest: Pick<RecordEntry, "confidentiality" | "submittedByOrganisationId">,
): "ok" | "hidden" | "not-theirs" {
  if (latest.confidentiality === "sealed" || !access.redactions.confidentiality.includes(latest.confidentiality))
    return "hidden";
  if (access.redactions.submitsAsProvider && latest.submittedByOrganisationId !== actor.organisationId)
    return "not-theirs";
  return "ok";
}
