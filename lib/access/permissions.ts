// Permissions as data: what each role may do, and which sections each relationship reaches.
// The UI, the server and the access-matrix tests all read these tables.
import type { Role } from "@/db/schema";

export const SECTIONS = [
  "summary",
  "carePlan",
  "health",
  "assessments",
  "courtOrders",
  "arrangements",
  "contact",
  "courtReports",
  "education",
  "planning",
  "visits",
  "correspondence",
  "contributions",
  "decisions",
  "documents",
  "chronology",
] as const;
export type Section = (typeof SECTIONS)[number];

export const PERMISSIONS = [
  "child.list",
  ...SECTIONS.map((s) => `${s}.read` as const),
  ...SECTIONS.map((s) => `${s}.write` as const),
  "carePlan.submit",
  "carePlan.approve",
  "entry.markSignificant",
  "progressFile.export",
  "allocation.manage",
  "marker.action",
  "review.write",
  "review.signOff",
  "breakGlass.use",
  "breakGlass.review",
  "audit.read",
  "user.manage",
  "retention.manage",
  "entry.seal",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const read = (sections: readonly Section[]) => sections.map((s) => `${s}.read` as const);
const write = (sections: readonly Section[]) => sections.map((s) => `${s}.write` as const);

/** Sections a social worker may change (DESIGN.md): everything but the chronology, which is derived. */
const WORKER_WRITABLE = SECTIONS.filter((s) => s !== "chronology" && s !== "summary");

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  social_worker: [
    "child.list",
    ...read(SECTIONS),
    ...write(WORKER_WRITABLE),
    "carePlan.submit",
    "entry.markSignificant",
    "progressFile.export",
    "breakGlass.use",
  ],
  team_manager: [
    "child.list",
    ...read(SECTIONS),
    ...write(WORKER_WRITABLE),
    "carePlan.submit",
    "carePlan.approve",
    "entry.markSignificant",
    "progressFile.export",
    "allocation.manage",
    "marker.action",
    "breakGlass.use",
  ],
  iro: [
    "child.list",
    ...read(SECTIONS),
    "decisions.write",
    "review.write",
    "review.signOff",
    "entry.markSignificant",
    "breakGlass.use",
  ],
  provider: [
    "child.list",
    ...read(["summary", "carePlan", "contact", "health", "education", "visits", "documents"]),
    "visits.write",
    "documents.write",
  ],
  records_officer: [
    "audit.read",
    "user.manage",
    "retention.manage",
    "entry.seal",
    "breakGlass.use",
    "breakGlass.review",
    ...read(SECTIONS),
  ],
};

/** How the user is related to a child; decided in SQL by lib/access, never by a page. */
export type Relation = "allocated" | "team" | "manager" | "iro" | "provider" | "break_glass";

/**
 * What each relationship reaches. `team` is a social worker's read-only view of a colleague's
 * child; `break_glass` is read-only and logged; a provider sees only what its arrangement needs.
 */
export const RELATION_SECTIONS: Record<Relation, { read: readonly Section[]; write: readonly Section[] }> = {
  allocated: { read: SECTIONS, write: WORKER_WRITABLE },
  manager: { read: SECTIONS, write: WORKER_WRITABLE },
  iro: { read: SECTIONS, write: ["decisions"] },
  team: { read: ["summary"], write: [] },
  provider: {
    read: ["summary", "carePlan", "contact", "health", "education", "visits", "documents"],
    write: ["visits", "documents"],
  },
  break_glass: { read: SECTIONS, write: [] },
};

export const ROLE_LABELS: Record<Role, string> = {
  social_worker: "Social worker",
  team_manager: "Team manager",
  iro: "Independent Reviewing Officer",
  provider: "Provider",
  records_officer: "Records officer",
};

/** How long a break-glass grant lasts. */
export const BREAK_GLASS_HOURS = 4;
