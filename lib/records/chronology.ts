// The chronology: every dated event of every section of one child, merged in date order with
// no re-keying. Entries, episodes of care, provider arrangements and standalone documents are
// read from their own tables, each by the child's index, so the cost grows with one child.
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/client";
import { visibleConfidentiality, type Actor, type ChildAccess } from "@/lib/access";

export const CHRONOLOGY_PAGE_SIZE = 30;
export const CHRONOLOGY_SOURCES = ["episodes", "arrangements", "documents"] as const;

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
  const levels = visibleConfidentiality(actor, access);
  const levelList = sql.join(
    levels.map((l) => sql`${l}`),
    sql`, `,
  );
  const childId = access.childId;
  const search = q.search?.trim().slice(0, 100) ?? "";
  const pattern = likePattern(search);
  const only = q.section ?? "";
  const want = (source: string) => only === "" || only === source;

  const parts: SQL[] = [];
  const entrySection = only !== "" && !CHRONOLOGY_SOURCES.includes(only as (typeof CHRONOLOGY_SOURCES)[number]);
  if (only === "" || entrySection) {
    parts.push(sql`select 'entry' as kind, e.id::text as id, e.entry_id::text as entry_id, e.section, e.occurred_on::text as occurred_on, e.title,
        coalesce(e.data->>'decision', e.data->>'needs', e.data->>'summary', e.data->>'observations', e.data->>'description', e.data->>'frequency', e.data->>'attainment') as detail,
        e.status, e.version, e.significant, e.confidentiality,
        nullif(coalesce(e.data->'childViews'->>'text', ''), '') as child_views,
        case when jsonb_typeof(e.data->'parentViews') = 'array' then e.data->'parentViews' end as parent_views_json,
        u.name as author_name, e.created_at
      from record_entries e join users u on u.id = e.created_by
      where e.child_id = ${childId} and e.in_chronology and e.deleted_at is null and e.confidentiality in (${levelList})
        ${entrySection ? sql`and e.section = ${only}` : sql``}
        ${q.significantOnly ? sql`and e.significant` : sql``}
        ${search ? sql`and (lower(e.title) like ${pattern} or lower(e.data::text) like ${pattern})` : sql``}`);
  }
  if (!q.significantOnly && want("episodes")) {
    parts.push(sql`select 'episode', ep.id::text, null, 'episodes', ep.start_date::text, 'Episode of care started (' || ep.reason_new_episode || ')',
        'Legal status ' || ep.legal_status || ', placement ' || ep.placement, null, null, false, 'standard', null, null::jsonb, null, ep.created_at
      from episodes ep where ep.child_id = ${childId} and ep.deleted_at is null
        ${search ? sql`and lower('episode ' || ep.legal_status || ' ' || ep.placement) like ${pattern}` : sql``}
      union all
      select 'episode', ep.id::text || ':end', null, 'episodes', ep.end_date::text, 'Episode of care ended (' || ep.reason_ceased || ')',
        null, null, null, false, 'standard', null, null::jsonb, null, ep.created_at
      from episodes ep where ep.child_id = ${childId} and ep.end_date is not null and ep.deleted_at is null
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
    parts.push(sql`select 'document', d.id::text, null, 'documents', d.document_date::text, d.title, d.file_name, null, null, false, d.confidentiality, null, null::jsonb, u.name, d.created_at
      from documents d join users u on u.id = d.uploaded_by
      where d.child_id = ${childId} and d.entry_id is null and d.deleted_at is null and d.confidentiality in (${levelList})
        ${search ? sql`and lower(d.title || ' ' || d.file_name) like ${pattern}` : sql``}`);
  }
  if (parts.length === 0) return { items: [] as ChronologyItem[], total: 0, page: 1, pages: 1 };

  const union = sql.join(parts, sql` union all `);
  // One query: the total comes with the page (count over the window), and parents' views are
  // turned into text for the page's rows only.
  const fetchPage = async (page: number) =>
    rowsOf<Record<string, unknown>>(
      await db.execute(sql`select c.*, count(*) over () as total,
          (select string_agg(p->>'relationship' || ': ' || coalesce(nullif(p->>'text', ''), replace(p->>'status', '_', ' ')), '; ')
             from jsonb_array_elements(coalesce(c.parent_views_json, '[]'::jsonb)) p) as parent_views
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
    title: String(r.title),
    detail: (r.detail as string | null) ?? null,
    status: (r.status as string | null) ?? null,
    version: r.version === null || r.version === undefined ? null : Number(r.version),
    significant: Boolean(r.significant),
    confidentiality: String(r.confidentiality),
    childViews: (r.child_views as string | null) ?? null,
    parentViews: (r.parent_views as string | null) ?? null,
    authorName: (r.author_name as string | null) ?? null,
  }));
  return { items, total, page, pages };
}
