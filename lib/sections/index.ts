// The one registry of the sections of a child's record: key, URL path, labels (with the right
// article), who may reach it, confidentiality, chronology filter, document category and, for the
// sections kept as entries, the form. Permissions, tabs, forms, zod schemas, lists, the
// chronology and the access tests are all derived from this table; nothing lists sections twice.
import type { Confidentiality, DocumentCategory, EntrySection } from "@/db/schema/codes";

/**
 * A field that applies only when another field of the entry holds one of some values (the SDQ
 * score only on an SDQ): it is shown only then, required only then, and blank otherwise.
 */
export interface FieldCondition {
  field: string;
  is: readonly string[];
}

/**
 * The entry's data with every conditional field that does not apply blanked, in the spec's order
 * (a condition may rest on another conditional field). The form shows, and the server keeps and
 * requires, only the fields that apply.
 */
export function blankWhatDoesNotApply(fields: readonly FieldSpec[], input: Record<string, unknown>) {
  const data = { ...input };
  for (const f of fields)
    if ((f.kind === "text" || f.kind === "select") && f.when && !f.when.is.includes(String(data[f.when.field] ?? "")))
      data[f.name] = "";
  return data;
}

export function fieldApplies(field: FieldSpec, blanked: Record<string, unknown>): boolean {
  return (
    !((field.kind === "text" || field.kind === "select") && field.when) ||
    field.when.is.includes(String(blanked[field.when.field] ?? ""))
  );
}

/** `missing` is the error shown when a required field is left empty, written for the person. */
export type FieldSpec =
  | {
      name: string;
      label: string;
      kind: "text" | "textarea";
      required?: boolean;
      missing?: string;
      hint?: string;
      max?: number;
      /** Filled in with the signed-in person's name on a new entry ("Visited by"). */
      prefillSignedIn?: boolean;
      /** A whole number within the range, such as an SDQ score of 0 to 40. */
      integer?: { min: number; max: number };
      when?: FieldCondition;
    }
  | { name: string; label: string; kind: "date"; required?: boolean; missing?: string; hint?: string }
  | {
      name: string;
      label: string;
      kind: "select";
      required?: boolean;
      missing?: string;
      hint?: string;
      options: ReadonlyArray<{ value: string; label: string }>;
      when?: FieldCondition;
    }
  | { name: string; label: string; kind: "boolean"; hint?: string }
  | { name: string; label: string; kind: "views"; hint?: string }
  | { name: string; label: string; kind: "parentViews"; hint?: string };

/** What a provider with an active arrangement may do with a section. */
export type ProviderShare = "none" | "read" | "write";

interface SectionBase {
  /** URL segment under /children/[childId]/ ("" for the overview). */
  path: string;
  /** The tab's name. */
  label: string;
  /** One item, in lower case, and its indefinite article ("an education record"). */
  singular: string;
  article: "a" | "an";
  description: string;
  provider: ProviderShare;
  /** The IRO may add to it (decisions); otherwise IROs read only. */
  iroWrites: boolean;
  /** Workers and managers may add to it; the overview and the chronology are derived. */
  writable: boolean;
  /** Its dated events appear in the chronology, filterable by this section. */
  inChronology: boolean;
  defaultConfidentiality: Confidentiality;
  /** Entries of this section are always at least this confidential (court reports: never providers). */
  minimumConfidentiality?: Confidentiality;
  documentCategory: DocumentCategory | null;
}

/** A section kept as versioned entries recorded through the shared entry form. */
export interface FormSectionDefinition extends SectionBase {
  kind: "entries";
  dateLabel: string;
  /** The errors for an empty date and an empty title, written for the person. */
  dateMissing: string;
  titleMissing: string;
  /**
   * "past": the date says when something happened (a visit, an assessment, an order made, a
   * decision), so it may be neither in the future nor before the child was born. "any": a start
   * or planned date.
   */
  occurredOnIs: "past" | "any";
  titleLabel: string;
  fields: readonly FieldSpec[];
  documentCategory: DocumentCategory;
  /** A new entry and every change record a decision entry too (contact arrangements). */
  recordsDecision?: boolean;
  /** Long forms autosave a server-side draft as the user types. */
  autosave?: boolean;
  /** Entries are the child's own property by default. */
  childPropertyByDefault?: boolean;
}

/** A section with pages of its own (the overview, care plan, arrangements, documents, chronology). */
export interface OwnSectionDefinition extends SectionBase {
  kind:
    | "summary"
    | "people"
    | "carePlan"
    | "reviews"
    | "episodes"
    | "childProtection"
    | "arrangements"
    | "duplicates"
    | "documents"
    | "chronology";
}

export type SectionDefinition = FormSectionDefinition | OwnSectionDefinition;

const opts = (...values: string[]) => values.map((v) => ({ value: v, label: v }));

/** Health entries the SSDA903 return reads (OC2), by the words practitioners choose. */
export const HEALTH_TYPES = {
  development: "Development check (under 5)",
  sdq: "Strengths and difficulties questionnaire (SDQ)",
  substance: "Substance misuse screening",
} as const;

/** Assessment entries the return reads: a conviction or youth caution in the year (OC2 CONVICTED). */
export const ASSESSMENT_TYPES = { conviction: "Youth justice: conviction or youth caution" } as const;

/** The SDQ completed, or the Department's reason it was not (SDQ_REASON SDQ1 to SDQ5). */
export const SDQ_OUTCOMES = [
  { value: "Completed", label: "Completed" },
  { value: "SDQ1", label: "Not completed: the child was under 4 or over 16 at the date of the assessment" },
  { value: "SDQ2", label: "Not completed: the carer refused" },
  { value: "SDQ3", label: "Not completed: not possible because of the severity of the child's disability" },
  { value: "SDQ4", label: "Not completed: another reason" },
  { value: "SDQ5", label: "Not completed: the child or young person refused" },
] as const;

export const VIEWS_STATUS = [
  { value: "given", label: "Views given" },
  { value: "sought_not_given", label: "Sought, not given" },
  { value: "not_sought", label: "Not sought (give the reason)" },
  { value: "too_young", label: "Too young to express views" },
] as const;

/** "Mother (fictional)" with relationship "mother" reads as the name alone; otherwise "Sam Doe (father)". */
export function parentName(p: { name: string; relationship: string }): string {
  const name = p.name.trim();
  const relationship = p.relationship.trim();
  if (!relationship || name.toLowerCase().includes(relationship.toLowerCase())) return name || relationship;
  return name ? `${name} (${relationship})` : relationship;
}

/** One parent's recorded views as a sentence: "Mother (fictional): supports the plan." */
export function parentViewText(p: { name: string; relationship: string; status: string; text?: string }): string {
  const who = parentName(p);
  const text = (p.text ?? "").trim();
  switch (p.status) {
    case "given":
      return `${who}: ${text || "views given"}`;
    case "sought_not_given":
      return `${who}: views sought but not given${text ? ` (${text})` : ""}`;
    case "not_sought":
      return `${who}: views not sought${text ? `, because ${text}` : ""}`;
    case "too_young":
      return `${who}: too young to express views`;
    default:
      return `${who}: views not recorded`;
  }
}

const own = (
  kind: OwnSectionDefinition["kind"],
  d: Omit<OwnSectionDefinition, "kind" | "iroWrites" | "defaultConfidentiality"> &
    Partial<Pick<OwnSectionDefinition, "iroWrites" | "defaultConfidentiality">>,
): OwnSectionDefinition => ({ kind, iroWrites: false, defaultConfidentiality: "standard", ...d });

const FORM_SECTION_DEFINITIONS = {
  health: {
    article: "a",
    provider: "read",
    iroWrites: false,
    writable: true,
    kind: "entries",
    inChronology: true,
    path: "health",
    label: "Health",
    singular: "health assessment",
    description: "Reports of health assessments: initial and review health assessments, dental and other checks.",
    dateLabel: "Date of assessment",
    dateMissing: "Enter the date of the assessment",
    titleMissing: "Enter a title",
    occurredOnIs: "past",
    titleLabel: "Title",
    defaultConfidentiality: "standard",
    documentCategory: "health_assessment",
    fields: [
      {
        name: "assessmentType",
        label: "Type of assessment",
        kind: "select",
        required: true,
        missing: "Select the type of assessment",
        options: opts(
          "Initial health assessment",
          "Review health assessment",
          "Dental check",
          "Optician check",
          "Immunisations",
          HEALTH_TYPES.development,
          HEALTH_TYPES.sdq,
          HEALTH_TYPES.substance,
          "Other",
        ),
      },
      {
        name: "immunisationsUpToDate",
        label: "Immunisations up to date",
        kind: "select",
        required: true,
        missing: "Select whether the child's immunisations are up to date",
        options: opts("Yes", "No"),
        when: { field: "assessmentType", is: ["Immunisations"] },
      },
      {
        name: "developmentUpToDate",
        label: "Development assessments up to date",
        kind: "select",
        required: true,
        missing: "Select whether the child's development assessments are up to date",
        options: opts("Yes", "No"),
        when: { field: "assessmentType", is: [HEALTH_TYPES.development] },
      },
      {
        name: "sdqOutcome",
        label: "The questionnaire",
        kind: "select",
        required: true,
        missing: "Select whether the questionnaire was completed, or why not",
        options: SDQ_OUTCOMES,
        when: { field: "assessmentType", is: [HEALTH_TYPES.sdq] },
      },
      {
        name: "sdqScore",
        label: "Total difficulties score",
        kind: "text",
        required: true,
        missing: "Enter the total difficulties score, from 0 to 40",
        hint: "From 0 to 40, as the carer's questionnaire scored it",
        max: 2,
        integer: { min: 0, max: 40 },
        when: { field: "sdqOutcome", is: ["Completed"] },
      },
      {
        name: "substanceMisuse",
        label: "Has a substance misuse problem",
        kind: "select",
        required: true,
        missing: "Select whether the child has a substance misuse problem",
        options: opts("Yes", "No"),
        when: { field: "assessmentType", is: [HEALTH_TYPES.substance] },
      },
      {
        name: "interventionOffered",
        label: "Intervention offered",
        kind: "select",
        required: true,
        missing: "Select whether an intervention was offered",
        options: opts("Yes", "No"),
        when: { field: "substanceMisuse", is: ["Yes"] },
      },
      {
        name: "interventionReceived",
        label: "Intervention received",
        kind: "select",
        required: true,
        missing: "Select whether the child received the intervention",
        options: opts("Yes", "No"),
        when: { field: "interventionOffered", is: ["Yes"] },
      },
      {
        name: "assessor",
        label: "Assessed by",
        kind: "text",
        required: true,
        missing: "Enter who carried out the assessment",
        max: 200,
      },
      {
        name: "summary",
        label: "Summary of findings",
        kind: "textarea",
        required: true,
        missing: "Enter a summary of the findings",
      },
      { name: "recommendations", label: "Recommendations and health plan actions", kind: "textarea" },
      { name: "nextDue", label: "Next assessment due", kind: "date" },
    ],
  },
  assessments: {
    article: "an",
    provider: "none",
    iroWrites: false,
    writable: true,
    kind: "entries",
    inChronology: true,
    path: "assessments",
    label: "Assessments and reviews",
    singular: "assessment",
    description: "Any document created or considered in assessing the child's needs or reviewing the case.",
    dateLabel: "Date completed",
    dateMissing: "Enter the date the assessment was completed",
    titleMissing: "Enter a title",
    occurredOnIs: "past",
    titleLabel: "Title",
    defaultConfidentiality: "standard",
    documentCategory: "assessment_or_review",
    fields: [
      {
        name: "assessmentType",
        label: "Type",
        kind: "select",
        required: true,
        missing: "Select the type of assessment or review",
        options: opts(
          "Child and family assessment",
          "Review of the case",
          "Risk assessment",
          "Parenting assessment",
          ASSESSMENT_TYPES.conviction,
          "Other",
        ),
      },
      {
        name: "author",
        label: "Completed by",
        kind: "text",
        required: true,
        missing: "Enter who completed it",
        max: 200,
      },
      {
        name: "summary",
        label: "Summary and analysis",
        kind: "textarea",
        required: true,
        missing: "Enter the summary and analysis",
      },
      { name: "childViews", label: "The child's views", kind: "views" },
      { name: "parentViews", label: "Parents' views", kind: "parentViews" },
    ],
  },
  courtOrders: {
    article: "a",
    provider: "none",
    iroWrites: false,
    writable: true,
    kind: "entries",
    inChronology: true,
    path: "court-orders",
    label: "Court orders",
    singular: "court order",
    description: "Every court order relating to the child.",
    dateLabel: "Date made",
    dateMissing: "Enter the date the order was made",
    titleMissing: "Enter a title",
    occurredOnIs: "past",
    titleLabel: "Title",
    defaultConfidentiality: "restricted",
    documentCategory: "court_order",
    fields: [
      {
        name: "orderType",
        label: "Order",
        kind: "select",
        required: true,
        missing: "Select the order",
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
      {
        name: "court",
        label: "Court",
        kind: "text",
        required: true,
        missing: "Enter the court that made the order",
        max: 200,
      },
      { name: "caseNumber", label: "Case number", kind: "text", max: 100 },
      { name: "expiresOn", label: "Expires or ends on", kind: "date" },
      { name: "conditions", label: "Terms and conditions", kind: "textarea" },
    ],
  },
  contact: {
    article: "a",
    provider: "read",
    iroWrites: false,
    writable: true,
    kind: "entries",
    inChronology: true,
    path: "contact",
    label: "Contact",
    singular: "contact arrangement",
    description:
      "Arrangements for contact with family and others. Each change is a new version and a recorded decision.",
    dateLabel: "Arrangement starts",
    dateMissing: "Enter the date the arrangement starts",
    titleMissing: "Enter a short description of the arrangement",
    occurredOnIs: "any",
    titleLabel: "Short description",
    defaultConfidentiality: "standard",
    recordsDecision: true,
    autosave: true,
    documentCategory: "contact",
    fields: [
      {
        name: "withWhom",
        label: "Contact with",
        kind: "text",
        required: true,
        missing: "Enter who the contact is with",
        max: 200,
      },
      {
        name: "relationship",
        label: "Relationship to the child",
        kind: "text",
        required: true,
        missing: "Enter their relationship to the child, for example mother",
        max: 100,
      },
      {
        name: "frequency",
        label: "Frequency",
        kind: "text",
        required: true,
        missing: "Enter how often contact happens",
        max: 200,
        hint: "For example, fortnightly on Saturdays",
      },
      {
        name: "supervision",
        label: "Supervision",
        kind: "select",
        required: true,
        missing: "Select how contact is supervised",
        options: opts("Unsupervised", "Supported", "Supervised", "Indirect only (letters, calls)", "No contact"),
      },
      { name: "venue", label: "Venue", kind: "text", max: 200 },
      { name: "restrictions", label: "Restrictions", kind: "textarea" },
      {
        name: "reasons",
        label: "Why this arrangement",
        kind: "textarea",
        hint: "The reasons for the arrangement. It goes on the decision trail with the child's views.",
      },
      { name: "childViews", label: "The child's views", kind: "views" },
      {
        name: "parentViews",
        label: "Parents' views",
        kind: "parentViews",
        hint: "A new arrangement, and each change to it, is a decision: record the views of every parent with parental responsibility.",
      },
    ],
  },
  courtReports: {
    article: "a",
    provider: "none",
    iroWrites: false,
    writable: true,
    kind: "entries",
    inChronology: true,
    path: "court-reports",
    label: "Court reports",
    singular: "court report",
    description:
      "Reports provided during court proceedings: guardian's reports, specialist assessments. Always restricted.",
    dateLabel: "Date filed",
    dateMissing: "Enter the date the report was filed",
    titleMissing: "Enter a title",
    occurredOnIs: "past",
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
        missing: "Select the type of report",
        options: opts(
          "Children's guardian's report",
          "Specialist assessment",
          "Expert witness report",
          "Social work statement",
          "Other",
        ),
      },
      {
        name: "author",
        label: "Author",
        kind: "text",
        required: true,
        missing: "Enter who wrote the report",
        max: 200,
      },
      { name: "proceedings", label: "Proceedings", kind: "text", max: 200 },
      { name: "summary", label: "Summary", kind: "textarea", required: true, missing: "Enter a summary of the report" },
    ],
  },
  education: {
    article: "an",
    provider: "read",
    iroWrites: false,
    writable: true,
    kind: "entries",
    inChronology: true,
    path: "education",
    label: "Education",
    singular: "education record",
    description:
      "Educational progress: school, personal education plan dates, attainment and special educational needs.",
    dateLabel: "Date recorded",
    dateMissing: "Enter the date this was recorded",
    titleMissing: "Enter a title",
    occurredOnIs: "past",
    titleLabel: "Title",
    defaultConfidentiality: "standard",
    documentCategory: "education",
    fields: [
      {
        name: "school",
        label: "School or setting",
        kind: "text",
        required: true,
        missing: "Enter the school or setting",
        max: 200,
      },
      { name: "pepDate", label: "Personal education plan meeting", kind: "date" },
      { name: "nextPepDue", label: "Next personal education plan due", kind: "date" },
      {
        name: "attainment",
        label: "Attainment and progress",
        kind: "textarea",
        required: true,
        missing: "Enter the child's attainment and progress",
      },
      {
        name: "specialNeeds",
        label: "Special educational needs",
        kind: "select",
        required: true,
        missing: "Select whether the child has special educational needs",
        options: opts("None identified", "SEN support", "Education, health and care plan", "Being assessed"),
      },
      { name: "attendance", label: "Attendance (%)", kind: "text", max: 10 },
    ],
  },
  planning: {
    article: "a",
    provider: "none",
    iroWrites: false,
    writable: true,
    kind: "entries",
    inChronology: true,
    path: "planning",
    label: "Planning documents",
    singular: "planning document",
    description:
      "Documents used to seek information, give information or record views in planning and reviewing the child's case.",
    dateLabel: "Date",
    dateMissing: "Enter the date of the document",
    titleMissing: "Enter a title",
    occurredOnIs: "past",
    titleLabel: "Title",
    defaultConfidentiality: "standard",
    documentCategory: "planning_and_review",
    fields: [
      {
        name: "purpose",
        label: "Purpose",
        kind: "select",
        required: true,
        missing: "Select the purpose of the document",
        options: opts("Seeking information", "Providing information", "Recording views", "Review report"),
      },
      {
        name: "fromOrTo",
        label: "From or to",
        kind: "text",
        required: true,
        missing: "Enter who the document is from or to",
        max: 200,
      },
      {
        name: "summary",
        label: "Summary",
        kind: "textarea",
        required: true,
        missing: "Enter a summary of the document",
      },
      { name: "childViews", label: "The child's views", kind: "views" },
      { name: "parentViews", label: "Parents' views", kind: "parentViews" },
    ],
  },
  visits: {
    article: "a",
    provider: "write",
    iroWrites: false,
    writable: true,
    kind: "entries",
    inChronology: true,
    path: "visits",
    label: "Visits",
    singular: "visit",
    description: "Records of visits to the child.",
    dateLabel: "Date of visit",
    dateMissing: "Enter the date of the visit",
    titleMissing: "Enter a title",
    occurredOnIs: "past",
    titleLabel: "Title",
    defaultConfidentiality: "standard",
    autosave: true,
    documentCategory: "visit",
    fields: [
      {
        name: "visitor",
        label: "Visited by",
        prefillSignedIn: true,
        kind: "text",
        required: true,
        missing: "Enter the name of the person who visited the child",
        max: 200,
      },
      {
        name: "visitType",
        label: "Type of visit",
        kind: "select",
        required: true,
        missing: "Select the type of visit",
        options: opts("Statutory visit", "Unannounced visit", "Review visit", "Other"),
      },
      { name: "location", label: "Where", kind: "text", max: 200 },
      {
        name: "seenAlone",
        label: "Child seen alone",
        kind: "select",
        required: true,
        missing: "Select whether the child was seen alone",
        options: opts("Yes", "No", "Not appropriate (give the reason in observations)"),
      },
      { name: "childViews", label: "The child's views", kind: "views" },
      {
        name: "observations",
        label: "Observations",
        kind: "textarea",
        required: true,
        missing: "Enter what you observed during the visit",
      },
      { name: "actions", label: "Actions agreed", kind: "textarea" },
    ],
  },
  correspondence: {
    article: "a",
    provider: "none",
    iroWrites: false,
    writable: true,
    kind: "entries",
    inChronology: true,
    path: "correspondence",
    label: "Correspondence",
    singular: "letter or message",
    description: "Other correspondence relating to the child.",
    dateLabel: "Date",
    dateMissing: "Enter the date of the letter or message",
    titleMissing: "Enter the subject",
    occurredOnIs: "past",
    titleLabel: "Subject",
    defaultConfidentiality: "standard",
    documentCategory: "correspondence",
    fields: [
      {
        name: "direction",
        label: "Direction",
        kind: "select",
        required: true,
        missing: "Select whether it was received or sent",
        options: opts("Received", "Sent"),
      },
      {
        name: "correspondent",
        label: "From or to",
        kind: "text",
        required: true,
        missing: "Enter who it is from or to",
        max: 200,
      },
      {
        name: "summary",
        label: "Summary",
        kind: "textarea",
        required: true,
        missing: "Enter a summary of the letter or message",
      },
    ],
  },
  contributions: {
    article: "a",
    provider: "none",
    iroWrites: false,
    writable: true,
    kind: "entries",
    inChronology: true,
    path: "contributions",
    label: "Child's contributions",
    singular: "contribution",
    description:
      "The child's own contributions: writing, photographs, school certificates. Marked as the child's property where they are.",
    dateLabel: "Date",
    dateMissing: "Enter the date of the contribution",
    titleMissing: "Enter a title",
    occurredOnIs: "past",
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
        missing: "Select the kind of contribution",
        options: opts("Writing", "Photograph", "School certificate", "Artwork", "Other"),
      },
      {
        name: "description",
        label: "Description",
        kind: "textarea",
        required: true,
        missing: "Enter a description of the contribution",
      },
      {
        name: "originalWith",
        label: "Original is with",
        kind: "select",
        required: true,
        missing: "Select who has the original",
        options: opts("The child", "The authority (copy given to the child)", "The carer"),
      },
    ],
  },
  decisions: {
    article: "a",
    provider: "none",
    iroWrites: true,
    writable: true,
    kind: "entries",
    inChronology: true,
    path: "decisions",
    label: "Decisions",
    singular: "decision",
    description:
      "Every significant decision: what was decided, by whom, why, and the views of the child and of each parent.",
    dateLabel: "Date of decision",
    dateMissing: "Enter the date of the decision",
    titleMissing: "Enter the decision in brief",
    occurredOnIs: "past",
    titleLabel: "Decision in brief",
    defaultConfidentiality: "standard",
    documentCategory: "decision",
    fields: [
      {
        name: "decision",
        label: "What was decided",
        kind: "textarea",
        required: true,
        missing: "Enter what was decided",
      },
      {
        name: "decidedBy",
        label: "Decided by",
        kind: "text",
        required: true,
        missing: "Enter who made the decision",
        max: 200,
      },
      { name: "reasons", label: "Why", kind: "textarea", required: true, missing: "Enter why the decision was made" },
      { name: "childViews", label: "The child's views", kind: "views" },
      { name: "parentViews", label: "Parents' views", kind: "parentViews" },
    ],
  },
} as const satisfies Record<Exclude<EntrySection, "carePlan" | "duplicates">, FormSectionDefinition>;

/** Every section of a child's record, in the order of its tabs. */
export const SECTION_DEFINITIONS = {
  summary: own("summary", {
    path: "",
    label: "Overview",
    singular: "summary",
    article: "a",
    description: "The child's details, allocations, episodes of care and siblings' separate records.",
    provider: "read",
    writable: false,
    inChronology: false,
    documentCategory: null,
  }),
  people: own("people", {
    path: "people",
    label: "Family and people",
    singular: "person",
    article: "a",
    description:
      "Parents, relatives and other significant people (one record each, however many siblings they are linked to), with parental responsibility; and links to siblings' separate records.",
    // Providers see who the people are, never their addresses or contact details.
    provider: "read",
    writable: true,
    inChronology: false,
    documentCategory: null,
  }),
  carePlan: own("carePlan", {
    path: "care-plan",
    label: "Care plan",
    singular: "care plan",
    article: "a",
    description: "The care plan, with every version and every change: draft, submitted, approved, superseded.",
    provider: "read",
    writable: true,
    inChronology: true,
    documentCategory: "care_plan",
  }),
  reviews: own("reviews", {
    path: "reviews",
    label: "Reviews",
    singular: "review",
    article: "a",
    description:
      "The child's reviews, run by the Independent Reviewing Officer: when each is due and why, who took part, views, decisions and recommendations.",
    provider: "none",
    writable: true,
    iroWrites: true,
    inChronology: true,
    documentCategory: "review_report",
  }),
  episodes: own("episodes", {
    path: "episodes",
    label: "Episodes of care",
    singular: "episode of care",
    article: "an",
    description:
      "The child's journey through care in SSDA903 terms, from the events recorded: starting to be looked after, placement and legal status changes, temporary moves, ceasing to be looked after.",
    provider: "none",
    writable: true,
    inChronology: true,
    documentCategory: null,
  }),
  childProtection: own("childProtection", {
    path: "child-protection",
    label: "Child protection",
    singular: "Child Protection Plan",
    article: "a",
    description: "Child Protection Plans: when each started and ended, and why. Restricted: never shown to providers.",
    provider: "none",
    writable: true,
    inChronology: false,
    defaultConfidentiality: "restricted",
    documentCategory: null,
  }),
  health: FORM_SECTION_DEFINITIONS.health,
  assessments: FORM_SECTION_DEFINITIONS.assessments,
  courtOrders: FORM_SECTION_DEFINITIONS.courtOrders,
  arrangements: own("arrangements", {
    path: "arrangements",
    label: "Provider arrangements",
    singular: "provider arrangement",
    article: "a",
    description: "Arrangements with an independent fostering provider or a provider of social work services.",
    provider: "none",
    writable: true,
    inChronology: true,
    documentCategory: "provider_arrangement",
  }),
  contact: FORM_SECTION_DEFINITIONS.contact,
  courtReports: FORM_SECTION_DEFINITIONS.courtReports,
  education: FORM_SECTION_DEFINITIONS.education,
  planning: FORM_SECTION_DEFINITIONS.planning,
  visits: FORM_SECTION_DEFINITIONS.visits,
  correspondence: FORM_SECTION_DEFINITIONS.correspondence,
  contributions: FORM_SECTION_DEFINITIONS.contributions,
  decisions: FORM_SECTION_DEFINITIONS.decisions,
  duplicates: own("duplicates", {
    path: "duplicates",
    label: "Duplicate entries",
    singular: "duplicate entry",
    article: "a",
    description:
      "Copies of entries from a foster carer's or children's home's record, and entries recorded once for several siblings, each saying where it came from.",
    provider: "none",
    writable: true,
    inChronology: true,
    documentCategory: null,
  }),
  documents: own("documents", {
    path: "documents",
    label: "Documents",
    singular: "document",
    article: "a",
    description: "Documents of every section, stored once and downloaded through an audited route.",
    provider: "write",
    writable: true,
    inChronology: true,
    documentCategory: null,
  }),
  chronology: own("chronology", {
    path: "chronology",
    label: "Chronology",
    singular: "chronology event",
    article: "a",
    description: "Every dated event of every section, in date order.",
    provider: "none",
    writable: false,
    inChronology: false,
    documentCategory: null,
  }),
} as const satisfies Record<string, SectionDefinition>;

/** A tab of the child's record. */
export type RecordSection = keyof typeof SECTION_DEFINITIONS;
/** A section kept as entries recorded through the shared entry form (every entry section but the care plan). */
export type FormSection = keyof typeof FORM_SECTION_DEFINITIONS;
export type FormSectionSpec = FormSectionDefinition & { key: FormSection };

export const RECORD_SECTIONS = Object.keys(SECTION_DEFINITIONS) as RecordSection[];
export const FORM_SECTIONS = Object.keys(FORM_SECTION_DEFINITIONS) as FormSection[];

export function formSpec(section: FormSection): FormSectionSpec {
  return { ...FORM_SECTION_DEFINITIONS[section], key: section };
}

export function isFormSection(value: string): value is FormSection {
  return Object.hasOwn(FORM_SECTION_DEFINITIONS, value);
}

export function isRecordSection(value: string): value is RecordSection {
  return Object.hasOwn(SECTION_DEFINITIONS, value);
}

/** The form section at a URL segment, if any. */
export function formSpecByPath(path: string): FormSectionSpec | undefined {
  const key = FORM_SECTIONS.find((s) => FORM_SECTION_DEFINITIONS[s].path === path);
  return key ? formSpec(key) : undefined;
}

/** The address of a section of a child's record. */
export function sectionHref(childId: string, section: RecordSection): string {
  const path = SECTION_DEFINITIONS[section].path;
  return path ? `/children/${childId}/${path}` : `/children/${childId}`;
}

/** "Add a visit", "Add an education record". */
export function addLabel(section: RecordSection): string {
  const d = SECTION_DEFINITIONS[section];
  return `Add ${d.article} ${d.singular}`;
}

/** The chronology's filters: every section whose events it shows. */
export const CHRONOLOGY_FILTERS: ReadonlyArray<{ value: string; label: string }> = RECORD_SECTIONS.filter(
  (s) => SECTION_DEFINITIONS[s].inChronology,
).map((s) => ({ value: s, label: SECTION_DEFINITIONS[s].label }));

/**
 * The document categories a provider may upload under: those of the entry sections shared with
 * providers (health, contact, education, visits). Court orders, court reports, decisions and the
 * local authority's own papers are not theirs to file.
 */
export const PROVIDER_DOCUMENT_CATEGORIES: readonly DocumentCategory[] = RECORD_SECTIONS.flatMap((s) => {
  const d: SectionDefinition = SECTION_DEFINITIONS[s];
  return d.kind === "entries" && d.provider !== "none" && d.documentCategory ? [d.documentCategory] : [];
});
