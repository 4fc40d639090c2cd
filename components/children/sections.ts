// Where each section of a child's record lives, and what it is called. A section without a
// path has no page yet and is not offered.
import type { Section } from "@/lib/access";

export const SECTION_LABELS: Record<Section, string> = {
  summary: "Overview",
  carePlan: "Care plan",
  health: "Health",
  assessments: "Assessments and reviews",
  courtOrders: "Court orders",
  arrangements: "Provider arrangements",
  contact: "Contact",
  courtReports: "Court reports",
  education: "Education",
  planning: "Planning documents",
  visits: "Visits",
  correspondence: "Correspondence",
  contributions: "Child's contributions",
  decisions: "Decisions",
  documents: "Documents",
  chronology: "Chronology",
};

export const SECTION_PATHS: Partial<Record<Section, string>> = {
  summary: "",
  chronology: "/chronology",
  carePlan: "/care-plan",
  health: "/health",
  assessments: "/assessments",
  courtOrders: "/court-orders",
  arrangements: "/arrangements",
  contact: "/contact",
  courtReports: "/court-reports",
  education: "/education",
  planning: "/planning",
  visits: "/visits",
  correspondence: "/correspondence",
  contributions: "/contributions",
  decisions: "/decisions",
  documents: "/documents",
};
