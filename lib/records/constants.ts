// What the record's stored code sets mean to people; the codes themselves live with the schema.
import type { Confidentiality, DocumentCategory } from "@/db/schema/codes";

export { CONFIDENTIALITY, DOCUMENT_CATEGORIES, ENTRY_SECTIONS, ENTRY_STATUSES } from "@/db/schema/codes";
export type { Confidentiality, DocumentCategory, EntrySection, EntryStatus } from "@/db/schema/codes";

export const CONFIDENTIALITY_LABELS: Record<Confidentiality, string> = {
  standard: "Standard",
  restricted: "Restricted (never shown to providers)",
  sealed: "Sealed (records officer only)",
};

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
