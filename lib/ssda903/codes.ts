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

export const label = (set: Record<string, string>, code: string | null | undefined): string =>
  code ? (set[code] ? `${set[code]} (${code})` : code) : "";
