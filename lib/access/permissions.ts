// Permissions as data: what each role may do, and which sections each relationship reaches, both
// derived from the section registry. The policy table (policies.ts), the UI and the access-matrix
// tests all read these tables; no code checks a role's name to decide access.
import type { Role } from "@/db/schema/people";
import { RECORD_SECTIONS, SECTION_DEFINITIONS, type RecordSection } from "@/lib/sections";

export type { RecordSection } from "@/lib/sections";
export type { Role } from "@/db/schema/people";

/** Sections workers and managers may add to: everything but the overview and the chronology (derived). */
const WRITABLE = RECORD_SECTIONS.filter((s) => SECTION_DEFINITIONS[s].writable);

const read = (sections: readonly RecordSection[]) => sections.map((s) => `${s}.read` as const);
const write = (sections: readonly RecordSection[]) => sections.map((s) => `${s}.write` as const);

export const PERMISSIONS = [
  "child.list",
  "child.create",
  "child.search",
  ...read(RECORD_SECTIONS),
  ...write(WRITABLE),
  "carePlan.submit",
  "carePlan.approve",
  "allocation.manage",
  "marker.action",
  "entry.markSignificant",
  "progressFile.export",
  "breakGlass.use",
  "breakGlass.review",
  "audit.read",
  "user.manage",
  "retention.manage",
  "entry.seal",
  "child.linkSameChild",
  "review.record",
  "review.signOff",
  "review.respond",
  "review.monitor",
  "review.dispute",
  "work.tray",
  "carerRecord.list",
  "carerRecord.read",
  "carerRecord.write",
  "duplicateEntry.place",
  "return.export",
  "dataQuality.view",
  "session.own",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const PROVIDER_READS = RECORD_SECTIONS.filter((s) => SECTION_DEFINITIONS[s].provider !== "none");
const PROVIDER_WRITES = RECORD_SECTIONS.filter((s) => SECTION_DEFINITIONS[s].provider === "write");
const IRO_WRITES = RECORD_SECTIONS.filter((s) => SECTION_DEFINITIONS[s].iroWrites);

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  social_worker: [
    "child.list",
    "work.tray",
    "child.create",
    ...read(RECORD_SECTIONS),
    ...write(WRITABLE),
    "carePlan.submit",
    "entry.markSignificant",
    "progressFile.export",
    "breakGlass.use",
    "carerRecord.list",
    "carerRecord.read",
    "session.own",
  ],
  team_manager: [
    "child.list",
    "work.tray",
    "child.create",
    ...read(RECORD_SECTIONS),
    ...write(WRITABLE),
    "carePlan.submit",
    "carePlan.approve",
    "review.respond",
    "allocation.manage",
    "marker.action",
    "entry.markSignificant",
    "progressFile.export",
    "breakGlass.use",
    "carerRecord.list",
    "carerRecord.read",
    "dataQuality.view",
    "session.own",
  ],
  iro: [
    "child.list",
    "work.tray",
    ...read(RECORD_SECTIONS),
    ...write(IRO_WRITES),
    "review.record",
    "review.signOff",
    // Between reviews: monitoring notes, and disputes about the care plan (never the plan itself).
    "review.monitor",
    "review.dispute",
    "entry.markSignificant",
    "breakGlass.use",
    "session.own",
  ],
  provider: ["child.list", ...read(PROVIDER_READS), ...write(PROVIDER_WRITES), "session.own"],
  records_officer: [
    "child.search",
    "audit.read",
    "user.manage",
    "retention.manage",
    "entry.seal",
    "child.linkSameChild",
    "breakGlass.use",
    "breakGlass.review",
    "return.export",
    "dataQuality.view",
    ...read(RECORD_SECTIONS),
    "session.own",
  ],
  // A fostering team's worker: carers' and homes' records, and copies of their entries onto placed children's records.
  supervising_social_worker: [
    "carerRecord.list",
    "carerRecord.read",
    "carerRecord.write",
    "duplicateEntry.place",
    "session.own",
  ],
};

/** How the user is related to a child; decided in SQL by lib/access, never by a page. */
export const RELATIONS = ["allocated", "team", "manager", "iro", "provider", "break_glass"] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * What each relationship reaches. `team` is a social worker's read-only view of a colleague's
 * child; `break_glass` is read-only and logged; a provider sees only what its arrangement needs.
 */
export const RELATION_SECTIONS: Record<Relation, { read: readonly RecordSection[]; write: readonly RecordSection[] }> =
  {
    allocated: { read: RECORD_SECTIONS, write: WRITABLE },
    manager: { read: RECORD_SECTIONS, write: WRITABLE },
    iro: { read: RECORD_SECTIONS, write: IRO_WRITES },
    team: { read: ["summary"], write: [] },
    provider: { read: PROVIDER_READS, write: PROVIDER_WRITES },
    break_glass: { read: RECORD_SECTIONS, write: [] },
  };

/**
 * What a relationship hides even inside the sections it reaches, decided here once: providers see
 * standard entries only, never birth-family addresses or the local authority's staff contacts,
 * only the approved care plan and only the visits their own organisation submitted.
 */
export interface Redactions {
  /** Confidentiality levels the person may see. */
  confidentiality: ReadonlyArray<"standard" | "restricted" | "sealed">;
  hidesBirthFamilyAddresses: boolean;
  hidesStaffContacts: boolean;
  /** Links to siblings' separate records. */
  hidesSiblingRecords: boolean;
  /** Child Protection Plans and CP markers (restricted detail). */
  hidesChildProtection: boolean;
  /** Only approved care plan versions (no drafts, no superseded history). */
  approvedCarePlanOnly: boolean;
  /** Only what the person's own organisation submitted (a provider's visits and documents). */
  ownOrganisationSections: readonly RecordSection[];
  /** What they record is marked provider-submitted and standard. */
  submitsAsProvider: boolean;
}

export function redactionsFor(role: Role, relation: Relation): Redactions {
  const provider = relation === "provider";
  return {
    confidentiality: provider
      ? ["standard"]
      : role === "records_officer"
        ? ["standard", "restricted", "sealed"]
        : ["standard", "restricted"],
    hidesBirthFamilyAddresses: provider,
    hidesStaffContacts: provider,
    hidesSiblingRecords: provider,
    hidesChildProtection: provider,
    approvedCarePlanOnly: provider,
    ownOrganisationSections: provider ? ["visits", "documents"] : [],
    submitsAsProvider: provider,
  };
}

export const ROLE_LABELS: Record<Role, string> = {
  social_worker: "Social worker",
  team_manager: "Team manager",
  iro: "Independent Reviewing Officer",
  provider: "Provider",
  records_officer: "Records officer",
  supervising_social_worker: "Supervising social worker",
};

/** Every role, from the labels (a Record over Role, so none is missing). */
export const ROLES = Object.keys(ROLE_LABELS) as [Role, ...Role[]];

/**
 * How a person is related to a carer's or home's record (decided in SQL by lib/access): the
 * supervising social worker (or a home's link worker) maintains it, team managers read it, and a
 * social worker of a child placed there now reads its summary only.
 */
export const CARER_RELATIONS = ["supervising", "carer_manager", "placed_child_worker"] as const;
export type CarerRelation = (typeof CARER_RELATIONS)[number];

/** The parts of a carer's or home's record: its summary, and the record itself (entries, children placed). */
export type CarerPart = "summary" | "record";

export const CARER_RELATION_PARTS: Record<CarerRelation, { read: readonly CarerPart[]; write: readonly CarerPart[] }> =
  {
    supervising: { read: ["summary", "record"], write: ["summary", "record"] },
    carer_manager: { read: ["summary", "record"], write: [] },
    placed_child_worker: { read: ["summary"], write: [] },
  };

/** How long a break-glass grant lasts. */
export const BREAK_GLASS_HOURS = 4;
