// Code sets stored in the database's columns. Pure data with no imports, so the schema, the
// domain and the browser share them; what the codes mean to people lives in lib/.
/** The sections kept as versioned entries in `record_entries.section`. */
export const ENTRY_SECTIONS = [
  "carePlan",
  "health",
  "assessments",
  "courtOrders",
  "contact",
  "courtReports",
  "education",
  "planning",
  "visits",
  "correspondence",
  "contributions",
  "decisions",
  "duplicates",
] as const;
export type EntrySection = (typeof ENTRY_SECTIONS)[number];

export const CONFIDENTIALITY = ["standard", "restricted", "sealed"] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];

/** Care plan lifecycle (a submitted version sent back is kept as `returned`); other sections use `recorded` only. */
export const ENTRY_STATUSES = ["recorded", "draft", "submitted", "returned", "approved", "superseded"] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const DOCUMENT_CATEGORIES = [
  "care_plan",
  "health_assessment",
  "assessment_or_review",
  "court_order",
  "provider_arrangement",
  "contact",
  "court_report",
  "education",
  "planning_and_review",
  "review_report",
  "visit",
  "correspondence",
  "child_contribution",
  "decision",
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];
