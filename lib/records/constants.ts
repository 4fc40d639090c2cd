// Code sets of the record shared by the schema, the server and the browser (no database imports).
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
] as const;
export type EntrySection = (typeof ENTRY_SECTIONS)[number];

export const CONFIDENTIALITY = ["standard", "restricted", "sealed"] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];

export const CONFIDENTIALITY_LABELS: Record<Confidentiality, string> = {
  standard: "Standard",
  restricted: "Restricted (never shown to providers)",
  sealed: "Sealed (records officer only)",
};

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

export const DOCUMENT_CATEGORY_LABELS: Record<DocumentCategory, string> = {
  care_plan: "Care plan",
  health_assessment: "Health assessment report",
  assessment_or_review: "Assessment or review document",
  court_order: "Court order",
  provider_arrangement: "Provider arrangement",
  contact: "Contact arrangement",
  court_report: "Court proceedings report",
  education: "Educational progress",
  planning_and_review: "Planning and review (information sought, given, views)",
  review_report: "Review report",
  visit: "Record of visit",
  correspondence: "Correspondence",
  child_contribution: "Child's contribution",
  decision: "Decision",
};
