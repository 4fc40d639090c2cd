// The table of named policies: every read and write the portal offers is one row, naming the
// permission it needs, what it reaches (a section of one child's record to read or write, a child
// named without a relationship, the whole authority, or the person themself), whether break-glass
// access may use it (read only) and the action its audit event carries. Both doors, the action
// wrapper and authorizedView, decide from this table, and so do the buttons pages show; a later
// capability adds rows here, never a guard of its own.
import { ENTRY_SECTIONS, type EntrySection } from "@/db/schema/codes";
import {
  FORM_SECTIONS,
  RECORD_SECTIONS,
  SECTION_DEFINITIONS,
  type FormSection,
  type RecordSection,
} from "@/lib/sections";
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
  /** What the audit log says happened, in words ("Added a visit"); the one place these words live. */
  label: string;
  /** Always flag the audit event for the records officer's review. */
  flagged?: boolean;
}

const section = (s: RecordSection, mode: "read" | "write"): PolicyReach => ({ kind: "section", section: s, mode });
const writeTo = (s: RecordSection, permission: Permission, audit: string, label: string): Policy => ({
  permission,
  reaches: section(s, "write"),
  breakGlass: false,
  audit,
  label,
});

/** Policies on one child's record whose names are not generated per section. */
const CHILD_POLICIES = {
  "carePlan.startVersion": writeTo(
    "carePlan",
    "carePlan.write",
    "carePlan.startVersion",
    "Started a new version of the care plan",
  ),
  "carePlan.saveDraft": writeTo("carePlan", "carePlan.write", "carePlan.saveDraft", "Saved a care plan draft"),
  "carePlan.submit": writeTo("carePlan", "carePlan.submit", "carePlan.submit", "Submitted a care plan for approval"),
  "carePlan.approve": writeTo("carePlan", "carePlan.approve", "carePlan.approve", "Approved a care plan"),
  "carePlan.return": writeTo("carePlan", "carePlan.approve", "carePlan.return", "Returned a care plan to draft"),
  "arrangements.create": writeTo(
    "arrangements",
    "arrangements.write",
    "arrangements.create",
    "Added a provider arrangement",
  ),
  "arrangements.amend": writeTo(
    "arrangements",
    "arrangements.write",
    "arrangements.amend",
    "Amended a provider arrangement",
  ),
  "documents.upload": writeTo("documents", "documents.write", "documents.upload", "Uploaded a document"),
  "documents.download": {
    permission: "documents.read",
    reaches: section("documents", "read"),
    breakGlass: true,
    audit: "documents.download",
    label: "Downloaded a document",
  },
  // The child's own items for them to keep: by the people who work with the child, not break-glass.
  "progressFile.export": {
    permission: "progressFile.export",
    reaches: section("contributions", "read"),
    breakGlass: false,
    audit: "progressFile.export",
    label: "Downloaded the child's progress file",
  },
  "episodes.recordEvent": writeTo(
    "episodes",
    "episodes.write",
    "episodes.recordEvent",
    "Recorded an event in the journey through care",
  ),
  "episodes.amend": writeTo("episodes", "episodes.write", "episodes.amend", "Corrected an episode of care"),
  // Reviews: the IRO schedules, records and signs off; the team manager responds; owners close recommendations.
  "reviews.schedule": writeTo("reviews", "review.record", "reviews.schedule", "Scheduled a review"),
  "reviews.record": writeTo("reviews", "review.record", "reviews.record", "Recorded a review"),
  "reviews.signOff": writeTo("reviews", "review.signOff", "reviews.signOff", "Signed off a review"),
  "reviews.amend": writeTo("reviews", "review.signOff", "reviews.amend", "Amended a review"),
  "reviews.respond": writeTo("reviews", "review.respond", "reviews.respond", "Responded to a review"),
  "reviews.updateRecommendation": writeTo(
    "reviews",
    "reviews.write",
    "reviews.updateRecommendation",
    "Updated a review recommendation",
  ),
  // Between reviews, the child's IRO keeps monitoring notes and takes a concern about the care plan
  // through the dispute resolution stages, recording each stage's outcome (managers take part in
  // the stages; the IRO records what came of each). Whoever reads the reviews reads them.
  "iroMonitoring.view": {
    permission: "reviews.read",
    reaches: section("reviews", "read"),
    breakGlass: true,
    audit: "iroMonitoring.view",
    label: "Opened the IRO's monitoring notes and disputes",
  },
  "iroMonitoring.writeNote": writeTo(
    "reviews",
    "review.monitor",
    "iroMonitoring.writeNote",
    "Wrote an IRO monitoring note",
  ),
  "iroDispute.raise": writeTo("reviews", "review.dispute", "iroDispute.raise", "Raised a concern about the care plan"),
  "iroDispute.escalate": writeTo(
    "reviews",
    "review.dispute",
    "iroDispute.escalate",
    "Escalated a care plan dispute to its next stage",
  ),
  "iroDispute.resolve": writeTo("reviews", "review.dispute", "iroDispute.resolve", "Resolved a care plan dispute"),
  "iroDispute.referToCafcass": writeTo(
    "reviews",
    "review.dispute",
    "iroDispute.referToCafcass",
    "Recorded a referral of a care plan dispute to Cafcass",
  ),
  "missing.start": writeTo("episodes", "episodes.write", "missing.start", "Recorded a missing or away period"),
  "missing.end": writeTo("episodes", "episodes.write", "missing.end", "Ended a missing or away period"),
  "uasc.record": writeTo("episodes", "episodes.write", "uasc.record", "Recorded unaccompanied asylum-seeking status"),
  "uasc.cease": writeTo("episodes", "episodes.write", "uasc.cease", "Ended unaccompanied asylum-seeking status"),
  // The return's own facts (SSDA903): by the people who record the child's journey, the allocated worker and the manager.
  "child.recordReturnDetails": writeTo(
    "episodes",
    "episodes.write",
    "child.recordReturnDetails",
    "Recorded the child's details for the children looked after return",
  ),
  "careLeaver.recordContact": writeTo(
    "episodes",
    "episodes.write",
    "careLeaver.recordContact",
    "Recorded contact with a care leaver",
  ),
  "adoption.recordMilestones": writeTo(
    "episodes",
    "episodes.write",
    "adoption.recordMilestones",
    "Recorded the child's adoption milestones",
  ),
  "childProtection.start": writeTo(
    "childProtection",
    "childProtection.write",
    "childProtection.start",
    "Started a Child Protection Plan",
  ),
  "childProtection.end": writeTo(
    "childProtection",
    "childProtection.write",
    "childProtection.end",
    "Ended a Child Protection Plan",
  ),
  // Allocating and transferring: the manager of the child's team.
  "allocation.manage": {
    permission: "allocation.manage",
    reaches: { kind: "relation", relations: ["manager"] },
    breakGlass: false,
    audit: "allocation.manage",
    label: "Changed an allocation",
  },
  "allocation.end": {
    permission: "allocation.manage",
    reaches: { kind: "relation", relations: ["manager"] },
    breakGlass: false,
    audit: "allocation.end",
    label: "Ended an allocation",
  },
  "allocation.transferTeam": {
    permission: "allocation.manage",
    reaches: { kind: "relation", relations: ["manager"] },
    breakGlass: false,
    audit: "allocation.transferTeam",
    label: "Moved a child to another team",
  },
  "marker.action": {
    permission: "marker.action",
    reaches: { kind: "relation", relations: ["manager"] },
    breakGlass: false,
    audit: "marker.action",
    label: "Actioned a CP or CLA marker task",
  },
  // The people around the child, and links to siblings' records (checked on the sibling's record too).
  "people.add": writeTo("people", "people.write", "people.add", "Linked a person to the child"),
  "people.amend": writeTo("people", "people.write", "people.amend", "Changed a person's details"),
  "people.end": writeTo("people", "people.write", "people.end", "Ended a person's link to the child"),
  "siblings.link": writeTo("people", "people.write", "siblings.link", "Linked two siblings' records"),
  "siblings.end": writeTo("people", "people.write", "siblings.end", "Ended a sibling link"),
  "siblings.linkContact": writeTo(
    "contact",
    "contact.write",
    "siblings.linkContact",
    "Linked siblings' contact arrangements",
  ),
  // Entries recorded once for several siblings (a copy on each record), and bringing a copy up to date.
  "sharedEntry.record": writeTo(
    "duplicates",
    "duplicates.write",
    "sharedEntry.record",
    "Recorded an entry for several siblings",
  ),
  "sharedEntry.amend": writeTo(
    "duplicates",
    "duplicates.write",
    "sharedEntry.amend",
    "Amended an entry for several siblings",
  ),
  "duplicates.refresh": writeTo(
    "duplicates",
    "duplicates.write",
    "duplicates.refresh",
    "Brought a duplicate entry up to date",
  ),
  // Marking changes what the chronology highlights for everyone, so break-glass readers cannot.
  "entry.markSignificant": {
    permission: "entry.markSignificant",
    reaches: section("chronology", "read"),
    breakGlass: false,
    audit: "entry.markSignificant",
    label: "Marked an event significant in the chronology",
  },
} as const satisfies Record<string, Policy>;

const carer = (
  part: CarerPart,
  mode: "read" | "write",
  permission: Permission,
  audit: string,
  label: string,
): Policy => ({
  permission,
  reaches: { kind: "carer", part, mode },
  breakGlass: false,
  audit,
  label,
});

/** Policies on a foster carer's or children's home's own record: decided by the relationship to that record. */
const CARER_POLICIES = {
  "carerRecord.view": carer(
    "summary",
    "read",
    "carerRecord.read",
    "carerRecord.view",
    "Opened a carer's or home's record",
  ),
  "carerRecord.amend": carer(
    "summary",
    "write",
    "carerRecord.write",
    "carerRecord.amend",
    "Changed a carer's or home's details",
  ),
  "carerEntries.view": carer(
    "record",
    "read",
    "carerRecord.read",
    "carerEntries.view",
    "Read a carer's or home's entries",
  ),
  "carerEntry.create": carer(
    "record",
    "write",
    "carerRecord.write",
    "carerEntry.create",
    "Recorded an entry on a carer's or home's record",
  ),
  "carerEntry.amend": carer(
    "record",
    "write",
    "carerRecord.write",
    "carerEntry.amend",
    "Amended an entry on a carer's or home's record",
  ),
  // A copy of an entry onto the record of a child placed there (past or present): the child's chain audits it too.
  "carerEntry.duplicate": carer(
    "record",
    "write",
    "duplicateEntry.place",
    "carerEntry.duplicate",
    "Placed a duplicate entry on a child's record",
  ),
} as const satisfies Record<string, Policy>;

const OTHER_POLICIES = {
  "carers.list": {
    permission: "carerRecord.list",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "carers.list",
    label: "Listed the carers' and homes' records",
  },
  "carerRecord.create": {
    permission: "carerRecord.write",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "carerRecord.create",
    label: "Created a carer's or home's record",
  },
  "entry.seal": {
    permission: "entry.seal",
    reaches: { kind: "subject" },
    breakGlass: false,
    audit: "entry.seal",
    label: "Sealed a misfiled entry",
    flagged: true,
  },
  // Two records of one child: the named record is closed in favour of the one in use (audited on both).
  "child.markSameChild": {
    permission: "child.linkSameChild",
    reaches: { kind: "subject" },
    breakGlass: false,
    audit: "child.markSameChild",
    label: "Marked two records as the same child",
    flagged: true,
  },
  "sameChild.view": {
    permission: "child.linkSameChild",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "sameChild.view",
    label: "Opened the records of the same child",
  },
  "breakGlass.grant": {
    permission: "breakGlass.use",
    reaches: { kind: "subject" },
    breakGlass: false,
    audit: "breakGlass.grant",
    label: "Opened a record through break-glass access",
    flagged: true,
  },
  "team.dashboard": {
    permission: "marker.action",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "team.dashboard",
    label: "Opened the team dashboard",
  },
  "child.create": {
    permission: "child.create",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "child.create",
    label: "Created a child's record",
  },
  // The SSDA903 return and its validation: the whole authority's children, read for the Department.
  "ssda903.view": {
    permission: "return.export",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "ssda903.view",
    label: "Checked the SSDA903 return",
  },
  // The return's files leave the portal for the Department: flagged for the records officer's review.
  "ssda903.download": {
    permission: "return.export",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "ssda903.download",
    label: "Downloaded the SSDA903 return",
    flagged: true,
  },
  // Open problems in the year's return data: a team manager's team, or every team for the records officer.
  "dataQuality.view": {
    permission: "dataQuality.view",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "dataQuality.view",
    label: "Opened the data quality page",
  },
  "workTray.view": {
    permission: "work.tray",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "workTray.view",
    label: "Opened the work tray",
  },
  "caseload.view": {
    permission: "child.list",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "caseload.view",
    label: "Opened the caseload",
  },
  // The records officer finds a child outside any caseload (name, reference, date of birth only) to open it through break-glass.
  "child.search": {
    permission: "child.search",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "child.search",
    label: "Searched for a child",
  },
  "breakGlass.review": {
    permission: "breakGlass.review",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "breakGlass.review",
    label: "Reviewed a break-glass access",
  },
  "audit.view": {
    permission: "audit.read",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "audit.view",
    label: "Opened the audit log",
  },
  "audit.verify": {
    permission: "audit.read",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "audit.verify",
    label: "Verified the audit chains",
  },
  "user.list": {
    permission: "user.manage",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "user.list",
    label: "Opened the list of users",
  },
  "user.setActive": {
    permission: "user.manage",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "user.setActive",
    label: "Deactivated or reactivated a user",
  },
  "user.create": {
    permission: "user.manage",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "user.create",
    label: "Added a user",
  },
  "user.changeRole": {
    permission: "user.manage",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "user.changeRole",
    label: "Changed a user's role or team",
  },
  "user.setSwId": {
    permission: "user.manage",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "user.setSwId",
    label: "Recorded a social worker's Social Work England registration",
  },
  "user.resetPassword": {
    permission: "user.manage",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "user.resetPassword",
    label: "Reset a user's password",
  },
  // A filtered view of the audit log as CSV: it leaves the portal, so it is flagged for review.
  "audit.export": {
    permission: "audit.read",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "audit.export",
    label: "Exported the audit log",
    flagged: true,
  },
  // A subject access request: everything held on one child and who has looked at it, on the child's chain.
  "audit.subjectAccess": {
    permission: "audit.read",
    reaches: { kind: "subject" },
    breakGlass: false,
    audit: "audit.subjectAccess",
    label: "Opened a subject access view",
    flagged: true,
  },
  "retention.view": {
    permission: "retention.manage",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "retention.view",
    label: "Opened the retention hold",
  },
  "retention.setHold": {
    permission: "retention.manage",
    reaches: { kind: "authority" },
    breakGlass: false,
    audit: "retention.setHold",
    label: "Changed the retention hold",
    flagged: true,
  },
  "session.keepAlive": {
    permission: "session.own",
    reaches: { kind: "self" },
    breakGlass: false,
    audit: "session.keepAlive",
    label: "Kept a session alive",
  },
  "session.signOut": {
    permission: "session.own",
    reaches: { kind: "self" },
    breakGlass: false,
    audit: "auth.signOut",
    label: "Signed out",
  },
  "auth.signIn": {
    permission: null,
    reaches: { kind: "public" },
    breakGlass: false,
    audit: "auth.signIn",
    label: "Signed in",
  },
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
    out[`${s}.view`] = {
      permission: `${s}.read`,
      reaches: section(s, "read"),
      breakGlass: true,
      audit: `${s}.view`,
      label: `Opened the ${SECTION_DEFINITIONS[s].label.toLowerCase()} section`,
    };
  }
  const one = (s: RecordSection) => `${SECTION_DEFINITIONS[s].article} ${SECTION_DEFINITIONS[s].singular}`;
  for (const s of FORM_SECTIONS) {
    out[`${s}.create`] = writeTo(s, `${s}.write`, `${s}.create`, `Added ${one(s)}`);
    out[`${s}.amend`] = writeTo(s, `${s}.write`, `${s}.amend`, `Amended ${one(s)}`);
  }
  for (const s of ENTRY_SECTIONS)
    out[`${s}.draftSave`] = writeTo(s, `${s}.write`, `${s}.draftSave`, `Autosaved a draft of ${one(s)}`);
  return out as Record<ViewPolicyName | EntryPolicyName, Policy>;
}

export const POLICIES: Readonly<Record<PolicyName, Policy>> = Object.freeze({
  ...generated(),
  ...CHILD_POLICIES,
  ...CARER_POLICIES,
  ...OTHER_POLICIES,
});

export const POLICY_NAMES = Object.keys(POLICIES) as PolicyName[];

/** Every audit action the portal writes, with its words, for the audit log's filter. */
export const AUDIT_ACTIONS: ReadonlyArray<{ action: string; label: string }> = [
  ...new Map(Object.values(POLICIES).map((p) => [p.audit, { action: p.audit, label: p.label }])).values(),
].sort((a, b) => a.label.localeCompare(b.label));

/**
 * Actions the log holds under an earlier name, by the action that replaced them: the log is
 * append-only, so old events keep their name, and read and filter as the new one.
 */
export const FORMER_AUDIT_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  // A duplicate placed from a carer's record was written to the child's chain as "duplicates.place".
  "carerEntry.duplicate": ["duplicates.place"],
};

const POLICY_ACTION_LABELS = new Map(AUDIT_ACTIONS.map((a) => [a.action, a.label]));
const ACTION_LABELS = new Map([
  ...POLICY_ACTION_LABELS,
  ...Object.entries(FORMER_AUDIT_ACTIONS).flatMap(([now, before]) =>
    before.map((b) => [b, POLICY_ACTION_LABELS.get(now) ?? now] as const),
  ),
]);

/** The action and the earlier names of it, for the audit log's filter. */
export function auditActionsMatching(action: string): string[] {
  return [action, ...(FORMER_AUDIT_ACTIONS[action] ?? [])];
}

/** The audit action in words ("visits.view" is "Viewed visits"); an action no policy names stays as written. */
export function auditActionLabel(action: string): string {
  return ACTION_LABELS.get(action) ?? action;
}

/** Whether the audit log has words for an action (every action the portal writes must). */
export function hasAuditActionLabel(action: string): boolean {
  return ACTION_LABELS.has(action);
}
