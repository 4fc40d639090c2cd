// The sections of a child's record kept as entries, described as data: their fields, dates,
// confidentiality and behaviour. Forms, zod schemas, lists and the chronology all read this.
import type { Confidentiality, DocumentCategory, EntrySection } from "./constants";

export type FieldSpec =
  | { name: string; label: string; kind: "text" | "textarea"; required?: boolean; hint?: string; max?: number }
  | { name: string; label: string; kind: "date"; required?: boolean; hint?: string }
  | {
      name: string;
      label: string;
      kind: "select";
      required?: boolean;
      hint?: string;
      options: ReadonlyArray<{ value: string; label: string }>;
    }
  | { name: string; label: string; kind: "boolean"; hint?: string }
  | { name: string; label: string; kind: "views"; hint?: string }
  | { name: string; label: string; kind: "parentViews"; hint?: string };

export interface SectionSpec {
  section: EntrySection;
  /** URL segment under /children/[childId]/. */
  path: string;
  label: string;
  singular: string;
  description: string;
  dateLabel: string;
  titleLabel: string;
  fields: readonly FieldSpec[];
  defaultConfidentiality: Confidentiality;
  /** Entries of this section are always at least this confidential (court reports: never providers). */
  minimumConfidentiality?: Confidentiality;
  /** A change records a decision entry too (contact arrangements). */
  decisionOnAmend?: boolean;
  /** Long forms autosave a server-side draft as the user types. */
  autosave?: boolean;
  /** Entries are the child's own property by default. */
  childPropertyByDefault?: boolean;
  documentCategory: DocumentCategory;
}

const opts = (...values: string[]) => values.map((v) => ({ value: v, label: v }));

export const VIEWS_STATUS = [
  { value: "given", label: "Views given" },
  { value: "sought_not_given", label: "Sought, not given" },
  { value: "not_sought", label: "Not sought (give the reason)" },
  { value: "too_young", label: "Too young to express views" },
] as const;

export const SECTION_SPECS: Record<Exclude<EntrySection, "carePlan">, SectionSpec> = {
  health: {
    section: "health",
    path: "health",
    label: "Health",
    singular: "health assessment",
    description: "Reports of health assessments: initial and review health assessments, dental and other checks.",
    dateLabel: "Date of assessment",
    titleLabel: "Title",
    defaultConfidentiality: "standard",
    documentCategory: "health_assessment",
    fields: [
      {
        name: "assessmentType",
        label: "Type of assessment",
        kind: "select",
        required: true,
        options: opts(
          "Initial health assessment",
          "Review health assessment",
          "Dental check",
          "Optician check",
          "Immunisations",
          "Other",
        ),
      },
      { name: "assessor", label: "Assessed by", kind: "text", required: true, max: 200 },
      { name: "summary", label: "Summary of findings", kind: "textarea", required: true },
      { name: "recommendations", label: "Recommendations and health plan actions", kind: "textarea" },
      { name: "nextDue", label: "Next assessment due", kind: "date" },
    ],
  },
  assessments: {
    section: "assessments",
    path: "assessments",
    label: "Assessments and reviews",
    singular: "assessment",
    description: "Any document created or considered in assessing the child's needs or reviewing the case.",
    dateLabel: "Date completed",
    titleLabel: "Title",
    defaultConfidentiality: "standard",
    documentCategory: "assessment_or_review",
    fields: [
      {
        name: "assessmentType",
        label: "Type",
        kind: "select",
        required: true,
        options: opts(
          "Child and family assessment",
          "Review of the case",
          "Risk assessment",
          "Parenting assessment",
          "Other",
        ),
      },
      { name: "author", label: "Completed by", kind: "text", required: true, max: 200 },
      { name: "summary", label: "Summary and analysis", kind: "textarea", required: true },
      { name: "childViews", label: "The child's views", kind: "views" },
      { name: "parentViews", label: "Parents' views", kind: "parentViews" },
    ],
  },
  courtOrders: {
    section: "courtOrders",
    path: "court-orders",
    label: "Court orders",
    singular: "court order",
    description: "Every court order relating to the child.",
    dateLabel: "Date made",
    titleLabel: "Title",
    defaultConfidentiality: "restricted",
    documentCategory: "court_order",
    fields: [
      {
        name: "orderType",
        label: "Order",
        kind: "select",
        required: true,
        options: opts(
          "Interim care order",
          "Care order",
          "Placement order",
          "Emergency protection order",
          "Special guardianship order",
          "Child arrangements order",
          "Secure accommodation order",
          "Deprivation of liberty order",
          "Other",
        ),
      },
      { name: "court", label: "Court", kind: "text", required: true, max: 200 },
      { name: "caseNumber", label: "Case number", kind: "text", max: 100 },
      { name: "expiresOn", label: "Expires or ends on", kind: "date" },
      { name: "conditions", label: "Terms and conditions", kind: "textarea" },
    ],
  },
  contact: {
    section: "contact",
    path: "contact",
    label: "Contact",
    singular: "contact arrangement",
    description:
      "Arrangements for contact with family and others. Each change is a new version and a recorded decision.",
    dateLabel: "Arrangement starts",
    titleLabel: "Short description",
    defaultConfidentiality: "standard",
    decisionOnAmend: true,
    autosave: true,
    documentCategory: "contact",
    fields: [
      { name: "withWhom", label: "Contact with", kind: "text", required: true, max: 200 },
      { name: "relationship", label: "Relationship to the child", kind: "text", required: true, max: 100 },
      {
        name: "frequency",
        label: "Frequency",
        kind: "text",
        required: true,
        max: 200,
        hint: "For example, fortnightly on Saturdays",
      },
      {
        name: "supervision",
        label: "Supervision",
        kind: "select",
        required: true,
        options: opts("Unsupervised", "Supported", "Supervised", "Indirect only (letters, calls)", "No contact"),
      },
      { name: "venue", label: "Venue", kind: "text", max: 200 },
      { name: "restrictions", label: "Restrictions", kind: "textarea" },
      { name: "childViews", label: "The child's views", kind: "views" },
    ],
  },
  courtReports: {
    section: "courtReports",
    path: "court-reports",
    label: "Court reports",
    singular: "court report",
    description:
      "Reports provided during court proceedings: guardian's reports, specialist assessments. Always restricted.",
    dateLabel: "Date filed",
    titleLabel: "Title",
    defaultConfidentiality: "restricted",
    minimumConfidentiality: "restricted",
    documentCategory: "court_report",
    fields: [
      {
        name: "reportType",
        label: "Type of report",
        kind: "select",
        required: true,
        options: opts(
          "Children's guardian's report",
          "Specialist assessment",
          "Expert witness report",
          "Social work statement",
          "Other",
        ),
      },
      { name: "author", label: "Author", kind: "text", required: true, max: 200 },
      { name: "proceedings", label: "Proceedings", kind: "text", max: 200 },
      { name: "summary", label: "Summary", kind: "textarea", required: true },
    ],
  },
  education: {
    section: "education",
    path: "education",
    label: "Education",
    singular: "education record",
    description:
      "Educational progress: school, personal education plan dates, attainment and special educational needs.",
    dateLabel: "Date recorded",
    titleLabel: "Title",
    defaultConfidentiality: "standard",
    documentCategory: "education",
    fields: [
      { name: "school", label: "School or setting", kind: "text", required: true, max: 200 },
      { name: "pepDate", label: "Personal education plan meeting", kind: "date" },
      { name: "nextPepDue", label: "Next personal education plan due", kind: "date" },
      { name: "attainment", label: "Attainment and progress", kind: "textarea", required: true },
      {
        name: "specialNeeds",
        label: "Special educational needs",
        kind: "select",
        required: true,
        options: opts("None identified", "SEN support", "Education, health and care plan", "Being assessed"),
      },
      { name: "attendance", label: "Attendance (%)", kind: "text", max: 10 },
    ],
  },
  planning: {
    section: "planning",
    path: "planning",
    label: "Planning documents",
    singular: "planning document",
    description:
      "Documents used to seek information, give information or record views in planning and reviewing the child's case.",
    dateLabel: "Date",
    titleLabel: "Title",
    defaultConfidentiality: "standard",
    documentCategory: "planning_and_review",
    fields: [
      {
        name: "purpose",
        label: "Purpose",
        kind: "select",
        required: true,
        options: opts("Seeking information", "Providing information", "Recording views", "Review report"),
      },
      { name: "fromOrTo", label: "From or to", kind: "text", required: true, max: 200 },
      { name: "summary", label: "Summary", kind: "textarea", required: true },
      { name: "childViews", label: "The child's views", kind: "views" },
      { name: "parentViews", label: "Parents' views", kind: "parentViews" },
    ],
  },
  visits: {
    section: "visits",
    path: "visits",
    label: "Visits",
    singular: "visit",
    description: "Records of visits to the child.",
    dateLabel: "Date of visit",
    titleLabel: "Title",
    defaultConfidentiality: "standard",
    autosave: true,
    documentCategory: "visit",
    fields: [
      { name: "visitor", label: "Visited by", kind: "text", required: true, max: 200 },
      {
        name: "visitType",
        label: "Type of visit",
        kind: "select",
        required: true,
        options: opts("Statutory visit", "Unannounced visit", "Review visit", "Other"),
      },
      { name: "location", label: "Where", kind: "text", max: 200 },
      {
        name: "seenAlone",
        label: "Child seen alone",
        kind: "select",
        required: true,
        options: opts("Yes", "No", "Not appropriate (give the reason in observations)"),
      },
      { name: "childViews", label: "The child's views", kind: "views" },
      { name: "observations", label: "Observations", kind: "textarea", required: true },
      { name: "actions", label: "Actions agreed", kind: "textarea" },
    ],
  },
  correspondence: {
    section: "correspondence",
    path: "correspondence",
    label: "Correspondence",
    singular: "letter or message",
    description: "Other correspondence relating to the child.",
    dateLabel: "Date",
    titleLabel: "Subject",
    defaultConfidentiality: "standard",
    documentCategory: "correspondence",
    fields: [
      { name: "direction", label: "Direction", kind: "select", required: true, options: opts("Received", "Sent") },
      { name: "correspondent", label: "From or to", kind: "text", required: true, max: 200 },
      { name: "summary", label: "Summary", kind: "textarea", required: true },
    ],
  },
  contributions: {
    section: "contributions",
    path: "contributions",
    label: "Child's contributions",
    singular: "contribution",
    description:
      "The child's own contributions: writing, photographs, school certificates. Marked as the child's property where they are.",
    dateLabel: "Date",
    titleLabel: "Title",
    defaultConfidentiality: "standard",
    childPropertyByDefault: true,
    documentCategory: "child_contribution",
    fields: [
      {
        name: "kind",
        label: "Kind",
        kind: "select",
        required: true,
        options: opts("Writing", "Photograph", "School certificate", "Artwork", "Other"),
      },
      { name: "description", label: "Description", kind: "textarea", required: true },
      {
        name: "originalWith",
        label: "Original is with",
        kind: "select",
        required: true,
        options: opts("The child", "The authority (copy given to the child)", "The carer"),
      },
    ],
  },
  decisions: {
    section: "decisions",
    path: "decisions",
    label: "Decisions",
    singular: "decision",
    description:
      "Every significant decision: what was decided, by whom, why, and the views of the child and of each parent.",
    dateLabel: "Date of decision",
    titleLabel: "Decision in brief",
    defaultConfidentiality: "standard",
    documentCategory: "decision",
    fields: [
      { name: "decision", label: "What was decided", kind: "textarea", required: true },
      { name: "decidedBy", label: "Decided by", kind: "text", required: true, max: 200 },
      { name: "reasons", label: "Why", kind: "textarea", required: true },
      { name: "childViews", label: "The child's views", kind: "views" },
      { name: "parentViews", label: "Parents' views", kind: "parentViews" },
    ],
  },
};

export type GenericSection = keyof typeof SECTION_SPECS;
export const GENERIC_SECTIONS = Object.keys(SECTION_SPECS) as GenericSection[];

export function specByPath(path: string): SectionSpec | undefined {
  return GENERIC_SECTIONS.map((s) => SECTION_SPECS[s]).find((spec) => spec.path === path);
}
