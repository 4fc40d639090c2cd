// Forms for the events of a child's journey through care, a correction of an episode, Child
// Protection Plans and allocations. Codes are checked against the SSDA903 code sets; the
// Department's rules that need the child's history are checked by lib/episodes/rules.
import { z } from "zod";
import {
  CATEGORY_OF_NEED,
  LEGAL_STATUS,
  PLACEMENT,
  PLACEMENT_PROVIDER,
  REASON_CEASED,
  REASON_PLACE_CHANGE,
  SW_REASON,
} from "@/lib/ssda903/codes";
import { parentViews } from "@/lib/records/schemas";
import { id, ukDate } from "@/lib/validation";

const codeOf = (set: Record<string, string>, what: string) =>
  z.enum(Object.keys(set) as [string, ...string[]], { error: `Choose ${what}` });
const optionalCode = (set: Record<string, string>, what: string) =>
  z
    .union([codeOf(set, what), z.literal("")])
    .default("")
    .transform((v) => (v === "" ? null : v));

/** A postcode in the Royal Mail format (outward and inward code), stored upper case with one space. */
export const postcode = z
  .string()
  .trim()
  .toUpperCase()
  .default("")
  .refine((v) => v === "" || /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/.test(v), "Enter a real postcode, like TA1 1DY")
  .transform((v) => (v === "" ? null : v.replace(/^(.+?) ?(\d[A-Z]{2})$/, "$1 $2")));

/** Date and time as typed (dd/mm/yyyy and hh:mm, England), stored as an exact instant. */
export const happenedAt = z
  .object({ date: z.string().trim(), time: z.string().trim().default("12:00") })
  .transform((v, ctx) => {
    const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v.date);
    const t = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(v.time);
    if (!d || !t) {
      ctx.addIssue({ code: "custom", message: "Enter the date and time it happened, like 27/03/2026 and 14:30" });
      return z.NEVER;
    }
    const at = londonInstant(Number(d[3]), Number(d[2]), Number(d[1]), Number(t[1]), Number(t[2]));
    if (!at) {
      ctx.addIssue({ code: "custom", message: "That date does not exist" });
      return z.NEVER;
    }
    return at;
  });

/** The instant of a wall-clock time in England (GMT or BST); null for an impossible date. */
export function londonInstant(year: number, month: number, day: number, hour: number, minute: number): Date | null {
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  // The offset of England at that moment: 0 in winter, +1 hour in summer time.
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(probe);
  const londonHour = Number(parts.find((p) => p.type === "hour")?.value ?? hour);
  const offsetHours = (londonHour - hour + 24) % 24;
  return new Date(probe.getTime() - offsetHours * 3600_000);
}

const placementFields = {
  placement: codeOf(PLACEMENT, "the placement type"),
  placementProvider: optionalCode(PLACEMENT_PROVIDER, "who provides the placement"),
  carerRecordId: z
    .union([id, z.literal("")])
    .default("")
    .transform((v) => (v === "" ? null : v)),
  placementPostcode: postcode,
  urn: z
    .string()
    .trim()
    .toUpperCase()
    .default("")
    .refine((v) => v === "" || /^(SC\d{6}|\d{6,7})$/.test(v), "Enter the Ofsted URN, like SC123456")
    .transform((v) => (v === "" ? null : v)),
};

const viewsOf = z
  .object({ status: z.string().default(""), text: z.string().trim().max(20000).default("") })
  .default({ status: "", text: "" });
/**
 * A placement change or the end of care is a decision: each parent's views, chosen from the people
 * linked to the child; the server asks for every parent with parental responsibility.
 */
const parentViewsOf = parentViews();

export const careEventSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("startCare"),
    childId: id,
    at: happenedAt,
    legalStatus: codeOf(LEGAL_STATUS, "the legal status"),
    categoryOfNeed: codeOf(CATEGORY_OF_NEED, "the category of need"),
    homePostcode: postcode,
    courtOrderEntryId: z.union([id, z.literal("")]).default(""),
    ...placementFields,
  }),
  z.object({
    kind: z.literal("changePlacement"),
    childId: id,
    at: happenedAt,
    reasonPlaceChange: optionalCode(REASON_PLACE_CHANGE, "the reason for the change"),
    childViews: viewsOf,
    parentViews: parentViewsOf,
    ...placementFields,
  }),
  z.object({
    kind: z.literal("changeLegalStatus"),
    childId: id,
    at: happenedAt,
    legalStatus: codeOf(LEGAL_STATUS, "the new legal status"),
    courtOrderEntryId: z.union([id, z.literal("")]).default(""),
  }),
  z.object({
    kind: z.literal("changeBoth"),
    childId: id,
    at: happenedAt,
    legalStatus: codeOf(LEGAL_STATUS, "the new legal status"),
    reasonPlaceChange: optionalCode(REASON_PLACE_CHANGE, "the reason for the change"),
    courtOrderEntryId: z.union([id, z.literal("")]).default(""),
    childViews: viewsOf,
    parentViews: parentViewsOf,
    ...placementFields,
  }),
  z.object({ kind: z.literal("temporaryMove"), childId: id, at: happenedAt, ...placementFields }),
  z.object({
    kind: z.literal("ceaseCare"),
    childId: id,
    at: happenedAt,
    reasonCeased: codeOf(REASON_CEASED, "why the child ceased to be looked after"),
    childViews: viewsOf,
    parentViews: parentViewsOf,
  }),
]);
export type CareEventInput = z.output<typeof careEventSchema>;

export const CP_CATEGORIES = {
  neglect: "Neglect",
  physical: "Physical abuse",
  sexual: "Sexual abuse",
  emotional: "Emotional abuse",
  multiple: "Multiple categories",
} as const;

export const startCpPlanSchema = z.object({
  childId: id,
  at: happenedAt,
  category: z.enum(Object.keys(CP_CATEGORIES) as [keyof typeof CP_CATEGORIES, ...Array<keyof typeof CP_CATEGORIES>], {
    error: "Choose the category of the plan",
  }),
});

export const endCpPlanSchema = z.object({
  childId: id,
  planId: id,
  at: happenedAt,
  reason: z.string().trim().min(3, "Say why the plan ended").max(500),
});

export const actionMarkerSchema = z.object({ childId: id, taskId: id });

export const allocateSchema = z.object({
  childId: id,
  kind: z.enum(["social_worker", "iro"]),
  userId: id,
  startDate: ukDate("the date the allocation starts"),
  /**
   * Why the current spell ends (the SSDA903 SW_REASON codes, as words): required for a social
   * worker; for an IRO it defaults to a management decision.
   */
  previousEndReason: optionalCode(SW_REASON, "why the previous allocation ends"),
});

/** A team manager ends the social worker's or the IRO's allocation on its own, with the reason. */
export const endAllocationSchema = z.object({
  childId: id,
  kind: z.enum(["social_worker", "iro"], { error: "Choose whose allocation ends" }),
  /** The person the manager saw allocated: if someone else has been allocated since, nothing ends. */
  userId: id,
  endDate: ukDate("the date the allocation ends"),
  reason: codeOf(SW_REASON, "why the allocation ends"),
});
export type EndAllocationInput = z.output<typeof endAllocationSchema>;

/** A correction of an episode: a new version with a reason; the dates stay (they follow from the events). */
export const amendEpisodeSchema = z.object({
  childId: id,
  episodeId: id,
  baseVersion: z.coerce.number().int().min(1),
  legalStatus: codeOf(LEGAL_STATUS, "the legal status"),
  categoryOfNeed: codeOf(CATEGORY_OF_NEED, "the category of need"),
  ...placementFields,
  homePostcode: postcode,
  reasonPlaceChange: optionalCode(REASON_PLACE_CHANGE, "the reason for the change"),
  /**
   * The court order behind the legal status: an order's id, "" for none; left out, the episode's
   * link is kept (and checked again if the legal status changes).
   */
  courtOrderEntryId: z.union([id, z.literal("")]).optional(),
  amendReason: z.string().trim().min(5, "Say why the episode is being corrected (at least 5 characters)").max(2000),
});
export type AmendEpisodeInput = z.output<typeof amendEpisodeSchema>;

/** A period missing from placement or away without authorisation; its end may be recorded with it or later. */
export const startMissingSchema = z
  .object({
    childId: id,
    kind: z.enum(["M", "A"], { error: "Choose whether the child was missing or away" }),
    at: happenedAt,
    /** Recording a period that has already ended: its end and the return interview. */
    ended: z.enum(["yes", "no"]).default("no"),
    endAt: z.object({ date: z.string().trim().default(""), time: z.string().trim().default("") }).default({
      date: "",
      time: "",
    }),
    returnInterviewOffered: z.enum(["yes", "no", ""]).default(""),
    returnInterviewAccepted: z.enum(["yes", "no", ""]).default(""),
  })
  .transform((v, ctx) => {
    if (v.ended === "no") return { childId: v.childId, kind: v.kind, at: v.at, end: null };
    const endAt = happenedAt.safeParse(v.endAt);
    if (!endAt.success) {
      ctx.addIssue({
        code: "custom",
        path: ["endAt"],
        message: "Enter when the child came back, like 28/03/2026 and 09:15",
      });
      return z.NEVER;
    }
    const interview = returnInterview(v, ctx);
    if (!interview) return z.NEVER;
    return { childId: v.childId, kind: v.kind, at: v.at, end: { at: endAt.data, ...interview } };
  });
export type StartMissingInput = z.output<typeof startMissingSchema>;

/** The return interview: offered, and if so whether the child accepted it. */
function returnInterview(
  v: { returnInterviewOffered: string; returnInterviewAccepted: string },
  ctx: z.RefinementCtx,
): { returnInterviewOffered: boolean; returnInterviewAccepted: boolean | null } | null {
  if (v.returnInterviewOffered === "") {
    ctx.addIssue({
      code: "custom",
      path: ["returnInterviewOffered"],
      message: "Say whether the child was offered a return interview",
    });
    return null;
  }
  const offered = v.returnInterviewOffered === "yes";
  if (offered && v.returnInterviewAccepted === "") {
    ctx.addIssue({
      code: "custom",
      path: ["returnInterviewAccepted"],
      message: "Say whether the child accepted the return interview",
    });
    return null;
  }
  return {
    returnInterviewOffered: offered,
    returnInterviewAccepted: offered ? v.returnInterviewAccepted === "yes" : null,
  };
}

/** The child came back: when, and the return interview. */
export const endMissingSchema = z
  .object({
    childId: id,
    missingId: id,
    at: happenedAt,
    returnInterviewOffered: z.enum(["yes", "no", ""]).default(""),
    returnInterviewAccepted: z.enum(["yes", "no", ""]).default(""),
  })
  .transform((v, ctx) => {
    const interview = returnInterview(v, ctx);
    if (!interview) return z.NEVER;
    return { childId: v.childId, missingId: v.missingId, at: v.at, ...interview };
  });
export type EndMissingInput = z.output<typeof endMissingSchema>;

/** Why a child ceased to be an unaccompanied asylum-seeking child. */
export const UASC_CEASED_REASONS = {
  turned18: "Reached 18",
  ageAssessed: "Age assessed as 18 or over",
  leaveGranted: "Granted leave to remain",
  joinedFamily: "Joined by or reunited with family",
  other: "Other",
} as const;

export const recordUascSchema = z.object({
  childId: id,
  sinceDate: ukDate("the date the child became an unaccompanied asylum-seeking child"),
});
export const ceaseUascSchema = z.object({
  childId: id,
  ceasedDate: ukDate("the date the status ceased"),
  ceasedReason: z.enum(Object.keys(UASC_CEASED_REASONS) as [keyof typeof UASC_CEASED_REASONS], {
    error: "Choose why the status ceased",
  }),
});

/** A team manager moves a child to another team: the social worker's spell ends; the new team allocates. */
export const transferTeamSchema = z.object({
  childId: id,
  teamId: id,
  startDate: ukDate("the date of the transfer"),
  /** Why the social worker's spell ends (asked when one is allocated). */
  previousEndReason: optionalCode(SW_REASON, "why the social worker's allocation ends"),
});
