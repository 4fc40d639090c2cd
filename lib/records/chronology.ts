// The chronology: every dated event of every section of one child, merged in date order with
// no re-keying, seen through the same visibility rules as the sections themselves. Entries, episodes of care, provider arrangements and standalone documents are
// read from their own tables, each by the child's index, so the cost grows with one child.
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/client";
import { ENTRY_SECTIONS } from "@/db/schema/codes";
import type { Actor, ChildAccess } from "@/lib/access";
import { visibleDocuments } from "@/lib/documents/queries";
import { parentViewText } from "@/lib/sections";
import { label, LEGAL_STATUS, PLACEMENT, REASON_CEASED, REASON_NEW_EPISODE } from "@/lib/ssda903/codes";
import { entryVisibility } from "./queries";

export const CHRONOLOGY_PAGE_SIZE = 30;

export interface ChronologyItem {
  kind: "entry" | "episode" | "arrangement" | "document";
  id: string;
  entryId: string | null;
  section: string;
  occurredOn: string;
  title: string;
  detail: string | null;
  status: string | null;
  version: number | null;
  significant: boolean;
  confidentiality: string;
  childViews: string | null;
  parentViews: string | null;
  authorName: string | null;
}

export interface ChronologyQuery {
  section?: string;
  search?: string;
  significantOnly?: boolean;
  page?: number;
  pageSize?: number;
}

function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function getChronology(db: Queryable, actor: Actor, access: ChildAccess, q: ChronologyQuery = {}) {
  const pageSize = q.pageSize ?? CHRONOLOGY_PAGE_SIZE;
  const childId = access.childId;
  const search = q.search?.trim().slice(0, 100) ?? "";
  const pattern = likePattern(search);
  const only = q.section ?? "";
  const want = (source: string) => only === "" || only === source;

  const parts: SQL[] = [];
  // A filter names an entry section (its rows come from record_entries) or one of the other sources.
  const entrySection = (ENTRY_SECTIONS as readonly string[]).includes(only);
  if (only === "" || entrySection) {
    parts.push(sql`select 'entry' as kind, record_entries.id::text as id, record_entries.entry_id::text as entry_id, record_entries.section, record_entries.occurred_on::text as occurred_on, record_entries.title,
        coalesce(record_entries.data->>'decision', record_entries.data->>'needs', record_entries.data->>'summary', record_entries.data->>'observations', record_entries.data->>'description', record_entries.data->>'frequency', record_entries.data->>'attainment', record_entries.data->>'details') as detail,
        record_entries.status, record_entries.version, record_entries.significant, record_entries.confidentiality,
        nullif(coalesce(record_entries.data->'childViews'->>'text', ''), '') as child_views,
        case when jsonb_typeof(record_entries.data->'parentViews') = 'array' then record_entries.data->'parentViews' end as parent_views_json,
        u.name as author_name, record_entries.created_at
      from record_entries join users u on u.id = record_entries.created_by
      where ${entryVisibility(actor, access)} and record_entries.in_chronology
        ${entrySection ? sql`and record_entries.section = ${only}` : sql``}
        ${q.significantOnly ? sql`and record_entries.significant` : sql``}
        ${search ? sql`and (lower(record_entries.title) like ${pattern} or lower(record_entries.data::text) like ${pattern})` : sql``}`);
  }
  if (!q.significantOnly && want("episodes")) {
    parts.push(sql`select 'episode', ep.id::text, null, 'episodes', ep.start_date::text, 'start|' || ep.reason_new_episode,
        ep.legal_status || '|' || ep.placement, null, null, false, 'standard', null, null::jsonb, null, ep.created_at
      from episodes ep where ep.child_id = ${childId} and ep.deleted_at is null and ep.superseded_at is null
        ${search ? sql`and lower('episode ' || ep.legal_status || ' ' || ep.placement) like ${pattern}` : sql``}
      union all
      select 'episode', ep.id::text || ':end', null, 'episodes', ep.end_date::text, 'end|' || ep.reason_ceased,
        null, null, null, false, 'standard', null, null::jsonb, null, ep.created_at
      from episodes ep where ep.child_id = ${childId} and ep.end_date is not null and ep.deleted_at is null and ep.superseded_at is null
        ${search ? sql`and lower('episode ended ' || ep.reason_ceased) like ${pattern}` : sql``}`);
  }
  if (!q.significantOnly && want("arrangements")) {
    parts.push(sql`select 'arrangement', pa.id::text, null, 'arrangements', pa.start_date::text, 'Provider arrangement with ' || o.name,
        pa.functions, null, null, false, 'standard', null, null::jsonb, null, pa.created_at
      from provider_arrangements pa join organisations o on o.id = pa.organisation_id
      where pa.child_id = ${childId} and pa.deleted_at is null and pa.superseded_at is null
        ${search ? sql`and lower(o.name || ' ' || pa.functions) like ${pattern}` : sql``}`);
  }
  if (!q.significantOnly && want("documents")) {
    parts.push(sql`select 'document', documents.id::text, null, 'documents', documents.document_date::text, documents.title, documents.file_name, null, null, false, documents.confidentiality, null, null::jsonb, u.name, documents.created_at
      from documents join users u on u.id = documents.uploaded_by
      where ${visibleDocuments(actor, access)} and documents.entry_id is null
        ${search ? sql`and lower(documents.title || ' ' || documents.file_name) like ${pattern}` : sql``}`);
  }
  if (parts.length === 0) return { items: [] as ChronologyItem[], total: 0, page: 1, pages: 1 };

  const union = sql.join(parts, sql` union all `);
  // One query: the total comes with the page (count over the window), and parents' views are
  // turned into text for the page's rows only.
  const fetchPage = async (page: number) =>
    rowsOf<Record<string, unknown>>(
      await db.execute(sql`select c.*, count(*) over () as total,
          c.parent_views_json as parent_views
        -- Named here, not by the first branch: a filter may leave any branch out.
        from (${union}) as c(kind, id, entry_id, section, occurred_on, title, detail, status, version, significant, confidentiality,
                             child_views, parent_views_json, author_name, created_at)
        order by occurred_on desc, created_at desc, id limit ${pageSize} offset ${(page - 1) * pageSize}`),
    );
  let page = Math.max(1, q.page ?? 1);
  let rows = await fetchPage(page);
  if (rows.length === 0 && page > 1) {
    // Past the end: show the last page instead (the window count is not known for an empty page).
    const [any] = await fetchPage(1);
    page = Math.max(1, Math.ceil(Number(any?.total ?? 0) / pageSize));
    rows = await fetchPage(page);
  }
  const total = Number(rows[0]?.total ?? 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const items: ChronologyItem[] = rows.map((r) => ({
    kind: r.kind as ChronologyItem["kind"],
    id: String(r.id),
    entryId: (r.entry_id as string | null) ?? null,
    section: String(r.section),
    occurredOn: String(r.occurred_on),
    title: r.kind === "episode" ? episodeWords(String(r.title), null).title : String(r.title),
    detail:
      r.kind === "episode"
        ? episodeWords(String(r.title), (r.detail as string | null) ?? null).detail
        : ((r.detail as string | null) ?? null),
    status: (r.status as string | null) ?? null,
    version: r.version === null || r.version === undefined ? null : Number(r.version),
    significant: Boolean(r.significant),
    confidentiality: String(r.confidentiality),
    childViews: (r.child_views as string | null) ?? null,
    parentViews: parentViewsText(r.parent_views),
    authorName: (r.author_name as string | null) ?? null,
  }));
  return { items, total, page, pages };
}

/** An episode's event in the registry's words, with the SSDA903 code beside: "Care order (C2)". */
function episodeWords(title: string, detail: string | null): { title: string; detail: string | null } {
  const [kind, reason] = title.split("|");
  const [legalStatus, placement] = (detail ?? "").split("|");
  return kind === "end"
    ? { title: `Episode of care ended: ${label(REASON_CEASED, reason)}`, detail: null }
    : {
        title: `Episode of care started: ${label(REASON_NEW_EPISODE, reason)}`,
        detail: `Legal status: ${label(LEGAL_STATUS, legalStatus)}. Placement: ${label(PLACEMENT, placement)}.`,
      };
}

/** Each parent's views as a sentence, one after another. */
function parentViewsText(raw: unknown): string | null {
  const list = typeof raw === "string" ? (JSON.parse(raw) as unknown) : raw;
  if (!Array.isArray(list) || list.length === 0) return null;
  return list
    .map((p: Record<string, unknown>) =>
      parentViewText({
        name: String(p.name ?? ""),
        relationship: String(p.relationship ?? ""),
        status: String(p.status ?? ""),
        text: String(p.text ?? ""),
      }),
    )
    .join(". ");
}
