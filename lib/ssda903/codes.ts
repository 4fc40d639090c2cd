// SSDA903 code sets (DfE children looked after return), with labels for the interface.
export const LEGAL_STATUS: Record<string, string> = {
  C1: "Interim care order",
  C2: "Full care order",
  D1: "Freeing order",
  E1: "Placement order",
  V2: "Accommodated under s20 (single period)",
  V3: "Short breaks (episodes)",
  V4: "Short breaks (agreements)",
  J1: "Remanded to LA or youth detention",
  J2: "Placed under PACE 1984",
  J3: "Youth rehabilitation order with residence",
  L1: "Police protection",
  L2: "Emergency protection order",
  L3: "Child assessment order",
};

export const REASON_NEW_EPISODE: Record<string, string> = {
  S: "Started to be looked after",
  L: "Change of legal status only",
  P: "Change of placement and carer only",
  T: "Change of placement, same carer",
  B: "Change of legal status, placement and carer",
  U: "Change of legal status and placement, same carer",
};

export const CATEGORY_OF_NEED: Record<string, string> = {
  N1: "Abuse or neglect",
  N2: "Disability",
  N3: "Parental illness or disability",
  N4: "Family in acute stress",
  N5: "Family dysfunction",
  N6: "Socially unacceptable behaviour",
  N7: "Low income",
  N8: "Absent parenting",
};

export const PLACEMENT: Record<string, string> = {
  A3: "Placed for adoption with consent, with current foster carer",
  A4: "Placed for adoption with consent",
  A5: "Placed for adoption under placement order, with current foster carer",
  A6: "Placed for adoption under placement order",
  K1: "Secure children's home",
  K2: "Children's home",
  K3: "Supported accommodation (16+)",
  P1: "With parent(s) or person with parental responsibility",
  P3: "Residential employment",
  R1: "Residential care home",
  R2: "NHS or other health establishment",
  R3: "Family centre or mother and baby unit",
  R5: "Young offender institution",
  S1: "Residential school",
  T0: "Temporary: all temporary moves",
  T1: "Temporary: hospital",
  T2: "Temporary: holiday",
  T3: "Temporary: while carer on holiday",
  T4: "Temporary: other, 7 days or less",
  U1: "Foster placement with relative or friend (long-term)",
  U2: "Foster placement with relative or friend (fostering for adoption / concurrent)",
  U3: "Foster placement with relative or friend (other)",
  U4: "Foster placement with other foster carer (long-term)",
  U5: "Foster placement with other foster carer (fostering for adoption / concurrent)",
  U6: "Foster placement with other foster carer (other)",
  Z11: "Other placement: first of the Department's other-placement types",
  Z12: "Other placement: second of the Department's other-placement types",
  Z13: "Other placement: third of the Department's other-placement types",
  Z14: "Other placement: fourth of the Department's other-placement types",
  H5: "Semi-independent living (until 2024/25)",
  P2: "Independent living (until 2024/25)",
  Z1: "Other placement (until 2024/25)",
};

export const PLACEMENT_PROVIDER: Record<string, string> = {
  PR0: "Parent(s)",
  PR1: "Own authority",
  PR2: "Other authority",
  PR3: "Other public",
  PR4: "Private",
  PR5: "Voluntary or third sector",
};

export const REASON_CEASED: Record<string, string> = {
  X1: "Episode ends and a new one begins the same day",
  E11: "Adopted (application unopposed)",
  E12: "Adopted (consent dispensed with)",
  E2: "Died",
  E3: "Care taken over by another authority",
  E4A: "Returned home as planned",
  E4B: "Returned home, not as planned",
  E13: "Lives with parent, relative or other without parental responsibility",
  E41: "Residence / child arrangements order",
  E45: "Special guardianship order (former foster carer)",
  E46: "Special guardianship order (former foster carer, not relative)",
  E47: "Special guardianship order (other, relative or friend)",
  E48: "Special guardianship order (other, not relative or friend)",
  E5: "Independent living with formal support",
  E6: "Independent living without formal support",
  E7: "Transferred to adult social care",
  E8: "Other reason",
  E9: "Sentenced to custody",
  E14: "Remand ended",
  E15: "Age assessed as 18 or over",
  E16: "Moved abroad",
  E17: "Aged 18+ and stayed with former carers",
};

export const REASON_PLACE_CHANGE: Record<string, string> = {
  CARPL: "Change to or carrying out of the care plan",
  CLOSE: "The provider resigned or the provision closed",
  ALLEG: "Allegation (section 47 enquiry)",
  STAND: "Concerns about the standard of care",
  APPRR: "The carer's approval was removed",
  CREQB: "The carer asked for the placement to end because of the child's behaviour",
  CREQO: "The carer asked for the placement to end for another reason",
  CHILD: "The child asked for the placement to end",
  LAREQ: "The responsible or area authority asked for the placement to end",
  PLACE: "A change in the placement's status only",
  CUSTOD: "Custody arrangement",
  OTHER: "Other reason",
};

export const SW_REASON: Record<string, string> = {
  MANAGE: "Management decision",
  FCONTA: "The family asked for a change of worker",
  LEFTRL: "The worker left the role",
  ORGRST: "Organisational restructure",
  TSPROC: "Transfer as part of the usual process",
  ABSENC: "The worker's absence",
  CHCHAN: "A change in the child's circumstances",
  PCCHAN: "A change in the parents' or carers' circumstances",
  SWDIED: "The worker died",
  OTHERS: "Other reason",
};

export const ETHNICITY: Record<string, string> = {
  WBRI: "White British",
  WIRI: "White Irish",
  WOTH: "Any other White background",
  WIRT: "Traveller of Irish heritage",
  WROM: "Gypsy or Roma",
  MWBC: "White and Black Caribbean",
  MWBA: "White and Black African",
  MWAS: "White and Asian",
  MOTH: "Any other mixed background",
  AIND: "Indian",
  APKN: "Pakistani",
  ABAN: "Bangladeshi",
  AOTH: "Any other Asian background",
  BCRB: "Black Caribbean",
  BAFR: "Black African",
  BOTH: "Any other Black background",
  CHNE: "Chinese",
  OOTH: "Any other ethnic group",
  REFU: "Refused",
  NOBT: "Information not yet obtained",
};

/** When a child has no Unique Pupil Number, why (SSDA903 UPN codes UN1 to UN5). */
export const UPN_UNKNOWN: Record<string, string> = {
  UN1: "Child is under 6 and not yet at school",
  UN2: "Child has never attended a school in England",
  UN3: "Child lives outside England",
  UN4: "Child is new to the authority and the UPN is not yet known",
  UN5: "The sources of UPNs hold errors for this child",
};

export const SEX: Record<string, string> = { M: "Male", F: "Female", U: "Not known" };

/**
 * PREV_PERM: the permanence order the child was subject to before this period of care, if any.
 * LA_PERM (the authority that made it) and DATE_PERM (when) go only with P1 to P3.
 */
export const PREVIOUS_PERMANENCE: Record<string, string> = {
  P1: "Adoption",
  P2: "Special guardianship order",
  P3: "Residence order or child arrangements order",
  P4: "Unknown: an order was made but its kind is not known",
  Z1: "None: the child was not adopted or under an order before",
};

/** The PREV_PERM codes that name an order, and so may carry its authority (LA_PERM) and date (DATE_PERM). */
export const PREVIOUS_PERMANENCE_WITH_ORDER = ["P1", "P2", "P3"] as const;

/** OC3 IN_TOUCH: whether the authority is in touch with the care leaver around the birthday. */
export const IN_TOUCH: Record<string, string> = {
  YES: "In touch",
  NO: "Not in touch",
  DIED: "The young person has died",
  REFU: "The young person refuses contact",
  NREQ: "The young person no longer needs services",
  RHOM: "Returned home to parents or someone with parental responsibility for 6 months or more",
};

/** OC3 ACTIV: the care leaver's main activity (recorded when in touch; the return writes 0 otherwise). */
export const CARE_LEAVER_ACTIVITY: Record<string, string> = {
  F1: "Full-time in higher education",
  P1: "Part-time in higher education",
  F2: "Full-time in education other than higher education",
  P2: "Part-time in education other than higher education",
  F4: "Full-time in an apprenticeship",
  P4: "Part-time in an apprenticeship",
  F5: "Full-time in other training or employment",
  P5: "Part-time in other training or employment",
  G4: "Not in education, training or employment: illness or disability",
  G5: "Not in education, training or employment: other reasons",
  G6: "Not in education, training or employment: pregnancy or parenting",
};

/**
 * OC3 ACCOM: where the care leaver lives, and whether it is suitable (the code's 1) or not (2).
 * No fixed abode (S) and custody (X) are never suitable, so they have only a 2.
 */
const ACCOMMODATION_KINDS: Array<[string, string, boolean]> = [
  ["B", "With parents or relatives", true],
  ["C", "Community home or other residential care, such as an NHS establishment", true],
  ["D", "Semi-independent, transitional or self-contained accommodation with support", true],
  ["E", "Supported lodgings", true],
  ["G", "Gone abroad", true],
  ["H", "Deported", true],
  ["K", "Ordinary lodgings, without formal support", true],
  ["R", "Residence not known", true],
  ["S", "No fixed abode or homeless", false],
  ["T", "Foyer or similar supported accommodation with education, training or employment", true],
  ["U", "Independent living, such as a flat or tenancy", true],
  ["V", "Emergency accommodation, such as a night shelter or hostel", true],
  ["W", "Bed and breakfast", true],
  ["X", "In custody", false],
  ["Y", "Other accommodation", true],
  ["Z", "With former foster carers", true],
];
export const CARE_LEAVER_ACCOMMODATION: Record<string, string> = Object.fromEntries(
  ACCOMMODATION_KINDS.flatMap(([letter, words, canBeSuitable]) => [
    ...(canBeSuitable ? [[`${letter}1`, `${words}: suitable`]] : []),
    [`${letter}2`, `${words}: not suitable`],
  ]),
);

/** REASON_PLACED_CEASED: why the decision that the child should be placed for adoption was reversed. */
export const REASON_PLACED_CEASED: Record<string, string> = {
  RD1: "The child returned to live with their birth parent(s)",
  RD2: "The child was placed with a relative or friend",
  RD3: "The child's needs changed after the decision",
  RD4: "The court did not make a placement order",
};

/** SEX_ADOPTR: the sex of the adopter or adopters when the child was adopted. */
export const ADOPTERS_SEX: Record<string, string> = {
  M1: "A single male adopter",
  F1: "A single female adopter",
  MM: "A couple, both male",
  FF: "A couple, both female",
  MF: "A couple, male and female",
};

/** LS_ADOPTR: the legal status of the adopter or adopters when the child was adopted. */
export const ADOPTERS_LEGAL_STATUS: Record<string, string> = {
  L0: "A single person",
  L11: "A married couple of opposite sexes",
  L12: "A married couple of the same sex",
  L2: "Civil partners",
  L3: "An unmarried couple of opposite sexes",
  L4: "An unmarried couple of the same sex",
};

/** SW_ID: a Social Work England registration number, SW then digits (the Department's check wants SW first). */
export const SW_ID_PATTERN = /^SW\d{1,10}$/;

export const label = (set: Record<string, string>, code: string | null | undefined): string =>
  code ? (set[code] ? `${set[code]} (${code})` : code) : "";
