// The table of named policies: every read and write the portal offers is one row, naming the
// permission it needs, what it reaches (a section of one child's record to read or write, a child
// named without a relationship, the whole authority, or the person themself), whether break-glass
// access may use it (read only) and the action its audit event carries. Both doors, the action
// wrapper and authorizedView, decide from this table, and so do the buttons pages show; a later
// capability adds rows here, never a guard of its own.
import { ENTRY_SECTIONS, type EntrySection } from "@/db/schema/codes";
import { FORM_SECTIONS, RECORD_SECTIONS, type FormSection, type RecordSection } from "@/lib/sections";
import type { CarerPart, Permission, Relation } from "./permissions";

export type PolicyReach =
  /** One section of one child's record, through the person's relationship to the child. */
  | { kind: "section"; section: RecordSection; mode: "read" | "write" }
  /** One child, through one of these relationships only (a team manager allocating the team's child). */
  | { kind: "relation"; relations: readonly Relation[] }
  /** A carer's or home's record (not a child's), through the person's relationship to that record. */
  | { kind: "carer"; part: CarerPart; mode: "read" | "write" }
  /** A child named without needing a relationship (asking for break-glass, sealing): audited on its chain. */
  | { kind: "subject" }
  /** Not one child: the authority's lists and administration (rows are still scoped in SQL). */
  | { kind: "authority" }
  /** The signed-in person's own session. */
  | { kind: "self" }
  /** Before signing in. */
  | { kind: "public" };

export interface Policy {
  /** null only for public policies. */
  permission: Permission | null;
  reaches: PolicyReach;
  /** Break-glass access may use it: only ever true for reads. */
  breakGlass: boolean;
  /** The audit event's action. */
  audit: string;
  /** Always flag the audit event for the records officer's review. */
  flagged?: boolean;
}

const section = (s: RecordSection, mode: "read" | "write"): PolicyReach => ({ kind: "section", section: s, mode });
const writeTo = (s: RecordSection, permission: Permission, audit: string): Policy => ({
  permission,
  reaches: section(s, "write"),
  breakGlass: false,
  audit,
});

/** Policies on one child's record whose names are not generated per section. */
const CHILD_POLICIES = {
  "carePlan.startVersion": writeTo("carePlan", "carePlan.write", "carePlan.startVersion"),
  "carePlan.saveDraft": writeTo("carePlan", "carePlan.write", "carePlan.saveDraft"),
  "carePlan.submit": writeTo("carePlan", "carePlan.submit", "carePlan.submit"),
  "carePlan.approve": writeTo("carePlan", "carePlan.approve", "carePlan.approve"),
  "carePlan.return": writeTo("carePlan", "carePlan.approve", "carePlan.return"),
  "arrangements.create": writeTo("arrangements", "arrangements.write", "arrangements.create"),
  "arrangements.amend": writeTo("arrangements", "arrangements.write", "arrangements.amend"),
  "documents.upload": writeTo("documents", "documents.write", "documents.upload"),
  "documents.download": {
    permission: "documents.read",
    reaches: section("documents", "read"),
    breakGlass: true,
    audit: "documents.download",
  },
  // The child's own items for them to keep: by the people who work with the child, not break-glass.
  "progressFile.export": {
    permission: "progressFile.export",
    reaches: section("contributions", "read"),
    breakGlass: false,
    audit: "progressFile.export",
  },
  "episodes.recordEvent": writeTo("episodes", "episodes.write", "episodes.recordEvent"),
  "episodes.amend": writeTo("episodes", "episodes.write", "episodes.amend"),
  // Reviews: the IRO schedules, records and signs off; the team manager responds; owners close recommendations.
  "reviews.schedule": writeTo("reviews", "review.record", "reviews.schedule"),
  "reviews.record": writeTo("reviews", "review.record", "reviews.record"),
  "reviews.signOff": writeTo("reviews", "review.signOff", "reviews.signOff"),
  "reviews.amend": writeTo("reviews", "review.signOff", "reviews.amend"),
  "reviews.respond": writeTo("reviews", "review.respond", "reviews.respond"),
  "reviews.updateRecommendation": writeTo("reviews", "reviews.write", "reviews.updateRecommendation"),
  "missing.start": writeTo("episodes", "episodes.write", "missing.start"),
  "missing.end": writeTo("episodes", "episodes.write", "missing.end"),
  "uasc.record": writeTo("episodes", "episodes.write", "uasc.record"),
  "uasc.cease": writeTo("episodes", "episodes.write", "uasc.cease"),
  "childProtection.start": writeTo("childProtection", "childProtection.write", "childProtection.start"),
  "childProtection.end": writeTo("childProtection", "childProtection.write", "childProtection.end"),
  // Allocating and transferring: the manager of the child's team.
  "allocation.manage": {
    permission: "allocation.manage",
    reaches: { kind: "relation", relations: ["manager"] },
    breakGlass: false,
    audit: "allocation.manage",
  },
  "allocation.transferTeam": {
    permission: "allocation.manage",
    reaches: { kind: "relation", relations: ["manager"] },
    breakGlass: false,
    audit: "allocation.transferTeam",
  },
  "marker.action": {
    permission: "marker.action",
    reaches: { kind: "relation", relations: ["manager"] },
    breakGlass: false,
    audit: "marker.action",
  },
  // The people around the child, and links to siblings' records (checked on the sibling's record too).
  "people.add": writeTo("people", "people.write", "people.add"),
  "people.amend": writeTo("people", "people.write", "people.amend"),
  "people.end": writeTo("people", "people.write", "people.end"),
  "siblings.link": writeTo("people", "people.write", "siblings.link"),
  "siblings.end": writeTo("people", "people.write", "siblings.end"),
  "siblings.linkContact": writeTo("contact", "contact.write", "siblings.linkContact"),
  // Entries recorded once for several siblings (a copy on each record), and bringing a copy up to date.
  "sharedEntry.record": writeTo("duplicates", "duplicates.write", "sharedEntry.record"),
  "sharedEntry.amend": writeTo("duplicates", "duplicates.write", "sharedEntry.amend"),
  "duplicates.refresh": writeTo("duplicates", "duplicates.write", "duplicates.refresh"),
  // Marking changes what the chronology highlights for everyone, so break-glass readers cannot.
  "entry.markSignificant": {
    permission: "entry.markSignificant",
    reaches: section("chronology", "read"),
    breakGlass: false,
    audit: "entry.markSignificant",
  },
} as const satisfies Record<string, Policy>;

const carer = (part: CarerPart, mode: "read" | "write", permission: Permission, audit: string): Policy => ({
  permission,
  reaches: { kind: "carer", part, mode },
  breakGlass: false,
  audit,
});

/** Policies on a foster carer's or children's home's own record: decided by the relationship to that record. */
const CARER_POLICIES = {
  "carerRecord.view": carer("summary", "read", "carerRecord.read", "carerRecord.view"),
  "carerRecord.amend": carer("summary", "write", "carerRecord.write", "carerRecord.amend"),
  "carerEntries.view": carer("record", "read", "carerRecord.read", "carerEntries.view"),
  "carerEntry.create": carer("record", "write", "carerRecord.write", "carerEntry.create"),
  "carerEntry.amend": carer("record", "write", "carerRecord.write", "carerEntry.amend"),
  // A copy of an entry onto the record of a child placed there (past or present): the child's chain audits it too.
  "carerEntry.duplicate": carer("record", "write", "duplicateEntry.place", "carerEntry.duplicate"),
} as const satisfies Record<string, Policy>;

const OTHER_POLICIES = {
  "carers.list": {
    permission: "carerRecord.list",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "carers.list",
  },
  "carerRecord.create": {
    permission: "carerRecord.write",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "carerRecord.create",
  },
  "entry.seal": {
    permission: "entry.seal",
    reaches: { kind: "subject" },
    breakGlass: false,
    audit: "entry.seal",
    flagged: true,
  },
  // Two records of one child: the named record is closed in favour of the one in use (audited on both).
  "child.markSameChild": {
    permission: "child.linkSameChild",
    reaches: { kind: "subject" },
    breakGlass: false,
    audit: "child.markSameChild",
    flagged: true,
  },
  "sameChild.view": {
    permission: "child.linkSameChild",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "sameChild.view",
  },
  "breakGlass.grant": {
    permission: "breakGlass.use",
    reaches: { kind: "subject" },
    breakGlass: false,
    audit: "breakGlass.grant",
    flagged: true,
  },
  "team.dashboard": {
    permission: "marker.action",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "team.dashboard",
  },
  "child.create": {
    permission: "child.create",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "child.create",
  },
  "workTray.view": {
    permission: "work.tray",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "workTray.view",
  },
  "caseload.view": {
    permission: "child.list",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "caseload.view",
  },
  "breakGlass.review": {
    permission: "breakGlass.review",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "breakGlass.review",
  },
  "audit.view": { permission: "audit.read", reaches: { kind: "authority" }, breakGlass: false, audit: "audit.view" },
  "audit.verify": {
    permission: "audit.read",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "audit.verify",
  },
  "user.list": { permission: "user.manage", reaches: { kind: "authority" }, breakGlass: false, audit: "user.list" },
  "user.setActive": {
    permission: "user.manage",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "user.setActive",
  },
  "retention.view": {
    permission: "retention.manage",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "retention.view",
  },
  "retention.setHold": {
    permission: "retention.manage",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "retention.setHold",
    flagged: true,
  },
  "session.keepAlive": {
    permission: "session.own",
    reaches: { kind: "self" },
    breakGlass: false,
    audit: "session.keepAlive",
  },
  "session.signOut": { permission: "session.own", reaches: { kind: "self" }, breakGlass: false, audit: "auth.signOut" },
  "auth.signIn": { permission: null, reaches: { kind: "public" }, breakGlass: false, audit: "auth.signIn" },
} as const satisfies Record<string, Policy>;

/** Reading a section of a child's record (the page's audited view). */
export type ViewPolicyName = `${RecordSection}.view`;
/** Writing an entry through the shared entry form, and autosaving any entry form. */
export type EntryPolicyName = `${FormSection}.create` | `${FormSection}.amend` | `${EntrySection}.draftSave`;
/** Every policy that reaches one child through a relationship: the action gets the child's access. */
export type ChildPolicyName = ViewPolicyName | EntryPolicyName | keyof typeof CHILD_POLICIES;
/** Every policy that reaches one carer's or home's record: the action gets the record's access. */
export type CarerPolicyName = keyof typeof CARER_POLICIES;
export type PolicyName = ChildPolicyName | CarerPolicyName | keyof typeof OTHER_POLICIES;

function generated(): Record<ViewPolicyName | EntryPolicyName, Policy> {
  const out: Partial<Record<ViewPolicyName | EntryPolicyName, Policy>> = {};
  for (const s of RECORD_SECTIONS) {
    out[`${s}.view`] = { permission: `${s}.read`, reaches: section(s, "read"), breakGlass: true, audit: `${s}.view` };
  }
  for (const s of FORM_SECTIONS) {
    out[`${s}.create`] = writeTo(s, `${s}.write`, `${s}.create`);
    out[`${s}.amend`] = writeTo(s, `${s}.write`, `${s}.amend`);
  }
  for (const s of ENTRY_SECTIONS) out[`${s}.draftSave`] = writeTo(s, `${s}.write`, `${s}.draftSave`);
  return out as Record<ViewPolicyName | EntryPolicyName, Policy>;
}

export const POLICIES: Readonly<Record<PolicyName, Policy>> = Object.freeze({
  ...generated(),
  ...CHILD_POLICIES,
  ...CARER_POLICIES,
  ...OTHER_POLICIES,
});

export const POLICY_NAMES = Object.keys(POLICIES) as PolicyName[];
