// Reads of a child's care plan: every version the person may see (providers: the approved plan
// only, through entryVisibility), one version, the differences between two, and the person's
// autosaved draft when it is newer than what is saved.
import { and, asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { children, recordEntries, users } from "@/db/schema";
import { can, caseloadScope, type Actor, type ChildAccess } from "@/lib/access";
import { formatUkDate } from "@/lib/dates";
import { parentViewText } from "@/lib/sections";
import { diffEntryVersions, entryVisibility, getDraft, type FieldDiff } from "@/lib/records/queries";
import {
  CARE_PLAN_LABELS,
  CARE_PLAN_TEXT_FIELDS,
  carePlanFormKey,
  viewsStatusLabel,
  type CarePlanStatus,
} from "./fields";
import { readCarePlanContent, toFormContent, type CarePlanContent } from "./schemas";

const author = alias(users, "author");
const submitter = alias(users, "submitter");
const approver = alias(users, "approver");

export interface ReturnNote {
  comment: string;
  byName: string;
  at: string;
}

export interface CarePlanVersion {
  id: string;
  entryId: string;
  version: number;
  status: CarePlanStatus;
  lockVersion: number;
  isLatest: boolean;
  inChronology: boolean;
  /** The date the chronology places it on: plan date (draft), submission date, approval date. */
  occurredOn: string;
  content: CarePlanContent;
  /** The IRO named when the version was submitted (reg 5(d)); null for a draft, or a version submitted before it was kept. */
  namedIro: { id: string; name: string } | null;
  returnNotes: ReturnNote[];
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
  submittedByName: string | null;
  submittedAt: Date | null;
  approvedByName: string | null;
  approvedAt: Date | null;
}

export interface CarePlanOverview {
  /** The child's one care plan entry (shared by all its versions), or null before it exists. */
  entryId: string | null;
  /** Every version this person may see, oldest first. */
  versions: CarePlanVersion[];
  /** The approved version in force. */
  current: CarePlanVersion | null;
  /** The draft or submitted version being worked on, if any. */
  inProgress: CarePlanVersion | null;
  latest: CarePlanVersion | null;
  /** The child's IRO, whom the plan names (reg 5(d)); null while none is allocated. */
  iroName: string | null;
}

function namedIroOf(data: Record<string, unknown>): CarePlanVersion["namedIro"] {
  const iro = data.namedIro as { id?: unknown; name?: unknown } | null | undefined;
  return iro && typeof iro.id === "string" && typeof iro.name === "string" ? { id: iro.id, name: iro.name } : null;
}

function returnNotesOf(data: Record<string, unknown>): ReturnNote[] {
  return Array.isArray(data.returnNotes)
    ? (data.returnNotes as ReturnNote[]).filter((n) => n && typeof n.comment === "string")
    : [];
}

/** Every visible version of the child's care plan, oldest first, with who wrote, submitted and approved each. */
export async function getCarePlan(db: Queryable, actor: Actor, access: ChildAccess): Promise<CarePlanOverview> {
  const rows = await db
    .select({
      entry: recordEntries,
      authorName: author.name,
      submittedByName: submitter.name,
      approvedByName: approver.name,
    })
    .from(recordEntries)
    .innerJoin(author, eq(author.id, recordEntries.createdBy))
    .leftJoin(submitter, eq(submitter.id, recordEntries.submittedBy))
    .leftJoin(approver, eq(approver.id, recordEntries.approvedBy))
    .where(and(entryVisibility(actor, access, "carePlan"), eq(recordEntries.section, "carePlan")))
    .orderBy(asc(recordEntries.createdAt), asc(recordEntries.version));
  // One plan per child (its versions share an entry id); the first ever created is the plan.
  const entryId = rows[0]?.entry.entryId ?? null;
  const versions: CarePlanVersion[] = rows
    .filter((r) => r.entry.entryId === entryId)
    .sort((a, b) => a.entry.version - b.entry.version)
    .map(({ entry: e, authorName, submittedByName, approvedByName }) => ({
      id: e.id,
      entryId: e.entryId,
      version: e.version,
      status: e.status as CarePlanStatus,
      lockVersion: e.lockVersion,
      isLatest: e.isLatest,
      inChronology: e.inChronology,
      occurredOn: e.occurredOn,
      content: readCarePlanContent(e),
      namedIro: namedIroOf(e.data),
      returnNotes: returnNotesOf(e.data),
      authorName,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      submittedByName,
      submittedAt: e.submittedAt,
      approvedByName,
      approvedAt: e.approvedAt,
    }));
  const latest = versions.at(-1) ?? null;
  const [iro] = await db
    .select({ name: users.name })
    .from(children)
    .innerJoin(users, eq(users.id, children.iroId))
    .where(eq(children.id, access.childId))
    .limit(1);
  return {
    iroName: iro?.name ?? null,
    entryId,
    versions,
    current: versions.find((v) => v.status === "approved") ?? null,
    inProgress: latest && (latest.status === "draft" || latest.status === "submitted") ? latest : null,
    latest,
  };
}

/** One version, or null when it does not exist or the person may not see it. */
export async function getCarePlanVersion(
  db: Queryable,
  actor: Actor,
  access: ChildAccess,
  version: number,
): Promise<{ plan: CarePlanOverview; version: CarePlanVersion } | null> {
  const plan = await getCarePlan(db, actor, access);
  const found = plan.versions.find((v) => v.version === version);
  return found ? { plan, version: found } : null;
}

/** The content as labelled plain text, field by field, in the form's order. */
function comparable(content: CarePlanContent) {
  const data: Record<string, string> = Object.fromEntries(CARE_PLAN_TEXT_FIELDS.map((f) => [f.name, content[f.name]]));
  data.childViews = `${viewsStatusLabel(content.childViews.status)}${content.childViews.text ? `: ${content.childViews.text}` : ""}`;
  data.parentViews = content.parentViews.map((p) => parentViewText(p)).join("\n");
  return { title: content.title, occurredOn: formatUkDate(content.planDate), data };
}

/** Word-level differences between two versions, field by field (older first). */
export function diffCarePlanVersions(older: CarePlanVersion, newer: CarePlanVersion): FieldDiff[] {
  return diffEntryVersions(comparable(older.content), comparable(newer.content), CARE_PLAN_LABELS);
}

export interface CarePlanDraftOffer {
  formKey: string;
  savedAt: Date;
  /** Saved when a save was refused (someone else had saved first): the person's own text. */
  fromConflict: boolean;
  /** The content as the form holds it (the plan date as typed). */
  content: CarePlanContent;
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** An autosaved draft's content, whatever state the form was in when it was saved. */
export function readDraftContent(data: Record<string, unknown>): CarePlanContent {
  return readCarePlanContent({ title: str(data.title), occurredOn: str(data.planDate), data });
}

function sameContent(a: CarePlanContent, b: CarePlanContent): boolean {
  const norm = (c: CarePlanContent) => JSON.stringify(c, (_k, v: unknown) => (typeof v === "string" ? v.trim() : v));
  return norm(a) === norm(b);
}

/**
 * The person's autosaved draft for the version they are about to edit (or for a new plan), when
 * it differs from what is saved and is newer than it, or was kept from a refused save. This is
 * how work survives a session that expired before it was saved.
 */
export async function getCarePlanDraftOffer(
  db: Queryable,
  actor: Actor,
  childId: string,
  editing: CarePlanVersion | null,
): Promise<CarePlanDraftOffer | null> {
  // A plan's first version may have been started as "new" by this person.
  const keys = editing
    ? [carePlanFormKey(editing.entryId), ...(editing.version === 1 ? [carePlanFormKey(null)] : [])]
    : [carePlanFormKey(null)];
  const saved = editing ? toFormContent(editing.content) : null;
  const offers: CarePlanDraftOffer[] = [];
  for (const formKey of keys) {
    const draft = await getDraft(db, actor, childId, formKey);
    if (!draft) continue;
    const content = readDraftContent(draft.data);
    const fromConflict = draft.conflictWithVersion !== null;
    const newer = !editing || fromConflict || draft.savedAt > editing.updatedAt;
    if (newer && !(saved && sameContent(content, saved)))
      offers.push({ formKey, savedAt: draft.savedAt, fromConflict, content });
  }
  return offers.sort((a, b) => b.savedAt.getTime() - a.savedAt.getTime())[0] ?? null;
}

/**
 * Care plan versions submitted for approval on the children this person may approve for (a
 * team manager's team), oldest first: what waits for them on their landing page.
 */
export async function listAwaitingApproval(db: Queryable, actor: Actor) {
  if (!can(actor, "carePlan.approve")) return [];
  return db
    .select({
      childId: children.id,
      reference: children.reference,
      firstName: children.firstName,
      lastName: children.lastName,
      version: recordEntries.version,
      submittedAt: recordEntries.submittedAt,
      submittedByName: submitter.name,
      submittedBy: recordEntries.submittedBy,
    })
    .from(recordEntries)
    .innerJoin(children, eq(children.id, recordEntries.childId))
    .leftJoin(submitter, eq(submitter.id, recordEntries.submittedBy))
    .where(
      and(
        eq(recordEntries.section, "carePlan"),
        eq(recordEntries.status, "submitted"),
        isNull(recordEntries.deletedAt),
        caseloadScope(actor),
      ),
    )
    .orderBy(asc(recordEntries.submittedAt))
    .limit(50);
}
