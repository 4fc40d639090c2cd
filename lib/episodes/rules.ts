// Episodes of care from the events practitioners record. A pure module: given the child's
// episodes and an event (starts to be looked after, change of placement, of legal status, of
// both, a temporary move, ceases to be looked after), it derives the SSDA903 episodes the
// Department expects (the current one ends the same day with REC X1, the new one gets its reason
// S, L, P, T, B or U) and checks the Department's rules, each refusal naming its rule. The same
// checks run over a whole history, so an amendment that would break one is refused too.
import { differenceInYears, parseISO } from "date-fns";
import { formatUkDate, formatUkDateTime, todayIso } from "@/lib/dates";

export const TEMPORARY_PLACEMENTS = ["T0", "T1", "T2", "T3", "T4"] as const;
export const OTHER_PLACEMENTS_FROM_2025 = ["Z11", "Z12", "Z13", "Z14"] as const;
/** Placement codes the Department withdrew after 2024/25. */
export const PLACEMENTS_UNTIL_2024 = ["H5", "P2", "Z1"] as const;
/** The first day of the 2025/26 collection year, from which Z11 to Z14 replace H5, P2 and Z1. */
export const CODES_CHANGE_ON = "2025-04-01";
/** Police protection (L1) lasts at most 72 hours (Children Act 1989, s46(6)). */
export const POLICE_PROTECTION_HOURS = 72;

export interface EpisodeFacts {
  /** DECOM, the England date of `startedAt`. */
  startDate: string;
  /** The exact instant the episode began (police protection is counted in hours). */
  startedAt: Date;
  reasonNewEpisode: string;
  legalStatus: string;
  categoryOfNeed: string;
  placement: string;
  placementProvider: string | null;
  /** Who cares for the child (a carer or home record, or a parent): decides T/U against P/B. */
  carerRecordId: string | null;
  placementPostcode: string | null;
  homePostcode: string | null;
  urn: string | null;
  endDate: string | null;
  endedAt: Date | null;
  reasonCeased: string | null;
  reasonPlaceChange: string | null;
}

export interface PlacementInput {
  placement: string;
  placementProvider: string | null;
  carerRecordId: string | null;
  placementPostcode: string | null;
  urn: string | null;
}

export type CareEvent =
  | ({
      kind: "startCare";
      at: Date;
      legalStatus: string;
      categoryOfNeed: string;
      homePostcode: string | null;
    } & PlacementInput)
  | ({ kind: "changePlacement"; at: Date; reasonPlaceChange: string | null } & PlacementInput)
  | { kind: "changeLegalStatus"; at: Date; legalStatus: string }
  | ({ kind: "changeBoth"; at: Date; legalStatus: string; reasonPlaceChange: string | null } & PlacementInput)
  | ({ kind: "temporaryMove"; at: Date } & PlacementInput)
  | { kind: "ceaseCare"; at: Date; reasonCeased: string };

export type CareEventKind = CareEvent["kind"];

export const CARE_EVENT_LABELS: Record<CareEventKind, string> = {
  startCare: "Starts to be looked after",
  changePlacement: "Change of placement",
  changeLegalStatus: "Change of legal status",
  changeBoth: "Change of legal status and placement",
  temporaryMove: "Temporary move",
  ceaseCare: "Ceases to be looked after",
};

/** A broken rule: which one, what to tell the person, and the field to put it on. */
export interface RuleBreach {
  rule: string;
  message: string;
  field?: string;
  /** Which episode (index in the history, oldest first). */
  episode?: number;
}

/** The collection year (1 April to 31 March) a date falls in, named by its first year: 2025 for 2025/26. */
export function collectionYearOf(isoDate: string): number {
  const [y, m] = isoDate.split("-").map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

export const collectionYearLabel = (start: number) => `${start}/${String((start + 1) % 100).padStart(2, "0")}`;

const isTemporary = (placement: string) => (TEMPORARY_PLACEMENTS as readonly string[]).includes(placement);
const providerBlank = (placement: string) =>
  isTemporary(placement) || (OTHER_PLACEMENTS_FROM_2025 as readonly string[]).includes(placement);

/**
 * The reason for a new episode, from what changed: S for a new period of care; L for legal status
 * only; P or T for the placement (T when the same carer continues); B or U for both.
 */
export function reasonForNewEpisode(kind: Exclude<CareEventKind, "ceaseCare">, sameCarer: boolean): string {
  switch (kind) {
    case "startCare":
      return "S";
    case "changeLegalStatus":
      return "L";
    case "changePlacement":
    case "temporaryMove":
      return sameCarer ? "T" : "P";
    case "changeBoth":
      return sameCarer ? "U" : "B";
  }
}

const englandDate = (at: Date) => todayIso(at);
const NO_TEMPORARY_START =
  "A period of care cannot start with a temporary placement (T0 to T4): record the placement the child first went to.";
const ageOn = (dateOfBirth: string, on: string) => differenceInYears(parseISO(on), parseISO(dateOfBirth));

/**
 * Checks one episode's own codes against the child and the collection years it is in. An episode
 * is in the return of every year it is open in (the Department's file for a year holds each
 * episode open at any time in it), so a withdrawn code must have ended by 1 April 2025 (the changeover
 * day, when the next episode starts on a current code), and a
 * code new in 2025/26 cannot be on an episode that started before. `today` ends an open episode.
 */
function episodeBreaches(e: EpisodeFacts, child: { dateOfBirth: string }, today: string): RuleBreach[] {
  const out: RuleBreach[] = [];
  const year = collectionYearOf(e.startDate);
  const age = ageOn(child.dateOfBirth, e.startDate);
  const lastDay = e.endDate ?? today;
  // Ending on 1 April 2025 itself is the changeover: the next episode starts that day on a current code.
  if (lastDay > CODES_CHANGE_ON && (PLACEMENTS_UNTIL_2024 as readonly string[]).includes(e.placement))
    out.push({
      rule: "placement-code-withdrawn",
      field: "placement",
      message: `Placement type ${e.placement} was withdrawn after 2024/25: an episode with it must have ended by 01/04/2025, the day the new placement types started (a change of placement on that day moves the child onto one), and this one ${e.endDate ? `ends on ${formatUkDate(e.endDate)}` : "is still open"}. Choose one of the current placement types (for example Z11 to Z14, or supported accommodation K3).`,
    });
  if (year < 2025 && (OTHER_PLACEMENTS_FROM_2025 as readonly string[]).includes(e.placement))
    out.push({
      rule: "placement-code-not-yet-valid",
      field: "placement",
      message: `Placement types Z11 to Z14 are valid only from 2025/26 (1 April 2025), and this episode starts in ${collectionYearLabel(year)}: choose a placement type that was valid then.`,
    });
  if (e.placement === "K3" && age < 16)
    out.push({
      rule: "k3-age",
      field: "placement",
      message: `Supported accommodation (K3) is only for young people aged 16 or over, and the child was ${age} when this episode started.`,
    });
  if (["J1", "J2", "J3"].includes(e.legalStatus) && age < 10)
    out.push({
      rule: "youth-justice-age",
      field: "legalStatus",
      message: `A child under 10 cannot be remanded, held under PACE or placed under a youth rehabilitation order (legal status J1 to J3), and the child was ${age} when this episode started.`,
    });
  if (e.placement === "P1" && e.legalStatus === "V2")
    out.push({
      rule: "p1-not-under-v2",
      field: "placement",
      message:
        "A child accommodated under section 20 (legal status V2) cannot be placed with their parents (placement P1): a child living at home is looked after only under an order, such as a care order.",
    });
  if (["A5", "A6"].includes(e.placement) && !["E1", "D1"].includes(e.legalStatus))
    out.push({
      rule: "a5-a6-placement-order",
      field: "placement",
      message:
        "Placement for adoption under a placement order (A5 or A6) needs a placement order (legal status E1, or a freeing order D1) on the same episode: record the order first, or choose placement for adoption with consent (A3 or A4).",
    });
  if (providerBlank(e.placement) && e.placementProvider)
    out.push({
      rule: "provider-blank",
      field: "placementProvider",
      message:
        "Temporary moves (T0 to T4) and other placements (Z11 to Z14) have no placement provider in the return: leave the placement provider blank.",
    });
  if (!providerBlank(e.placement) && !e.placementProvider)
    out.push({
      rule: "provider-required",
      field: "placementProvider",
      message:
        "A placement provider is needed for every placement except temporary moves (T0 to T4) and other placements (Z11 to Z14): choose who provides this placement.",
    });
  if ((e.endDate === null) !== (e.reasonCeased === null))
    out.push({
      rule: "dec-rec-pair",
      message: "An episode's end date and its reason for ending are recorded together, or neither is.",
    });
  if (e.endDate === null && e.reasonPlaceChange)
    out.push({
      rule: "rpc-blank-open",
      field: "reasonPlaceChange",
      message:
        "The reason for a change of placement is recorded on the episode that ends, never on the episode that is still open.",
    });
  return out;
}

/** Consecutive police protection: L1 episodes that follow one another the same day (X1) are one spell. */
function policeProtectionBreaches(list: readonly EpisodeFacts[]): RuleBreach[] {
  const out: RuleBreach[] = [];
  let spellStart: Date | null = null;
  list.forEach((e, i) => {
    const prev = list[i - 1];
    const continues =
      prev !== undefined &&
      prev.legalStatus === "L1" &&
      prev.reasonCeased === "X1" &&
      prev.endDate === e.startDate &&
      spellStart !== null;
    if (e.legalStatus !== "L1") {
      spellStart = null;
      return;
    }
    if (!continues) spellStart = e.startedAt;
    const from = spellStart ?? e.startedAt;
    if (e.endedAt && e.endedAt.getTime() - from.getTime() > POLICE_PROTECTION_HOURS * 3600_000)
      out.push({
        rule: "l1-72-hours",
        field: "at",
        episode: i,
        message: `Police protection (L1) lasts at most 72 hours in all, whatever placement changes happen during it: it began on ${formatUkDateTime(from)}, so record the change of legal status at the time it happened, within 72 hours of that.`,
      });
  });
  return out;
}

/**
 * The Department's rules over a child's whole history of episodes (oldest first). `now` is when
 * the check runs: an episode still open is open into today's collection year.
 */
export function historyBreaches(
  list: readonly EpisodeFacts[],
  child: { dateOfBirth: string },
  now: Date = new Date(),
): RuleBreach[] {
  const out: RuleBreach[] = [];
  const today = englandDate(now);
  list.forEach((e, i) => {
    const push = (b: RuleBreach): void => {
      out.push({ ...b, episode: i });
    };
    episodeBreaches(e, child, today).forEach(push);
    const prev = list[i - 1];
    if (i === 0 && e.reasonNewEpisode !== "S")
      push({
        rule: "first-episode-s",
        message:
          "A child's first episode of care must start a period of care (reason for new episode S): record that the child started to be looked after first.",
      });
    if (e.startDate < child.dateOfBirth)
      push({
        rule: "before-birth",
        field: "at",
        message: `An episode cannot start before the child was born (${formatUkDate(child.dateOfBirth)}): check the date.`,
      });
    if (!prev) {
      if (isTemporary(e.placement))
        push({
          rule: "no-temporary-start",
          field: "placement",
          message: NO_TEMPORARY_START,
        });
      return;
    }
    if (prev.endDate === null || prev.endDate > e.startDate)
      push({
        rule: "no-overlap",
        message: `Episodes of care cannot overlap: the previous episode ${prev.endDate ? `ends on ${formatUkDate(prev.endDate)}` : "has not ended"}, after this one starts on ${formatUkDate(e.startDate)}.`,
      });
    if (e.reasonNewEpisode === "S") {
      if (prev.reasonCeased === "X1")
        push({
          rule: "s-after-x1",
          message:
            "A new period of care (reason S) cannot follow an episode that ended with X1, which means a new episode of the same period began that day.",
        });
      if (isTemporary(e.placement))
        push({
          rule: "no-temporary-start",
          field: "placement",
          message: NO_TEMPORARY_START,
        });
    } else {
      if (prev.reasonCeased !== "X1" || prev.endDate !== e.startDate)
        push({
          rule: "continuation-same-day",
          message:
            "An episode that continues a period of care (reason L, P, T, B or U) starts on the day the previous episode ended, and that episode ended with X1 (a new episode begins the same day).",
        });
      if (prev.categoryOfNeed !== e.categoryOfNeed)
        push({
          rule: "cin-period",
          field: "categoryOfNeed",
          message:
            "The category of need is set when a period of care starts and stays the same until it ends: it can change only at the start of a new period of care.",
        });
    }
  });
  out.push(...policeProtectionBreaches(list));
  return out;
}

export type EventOutcome =
  | {
      ok: true;
      /** The current episode, as it ends (index into the list), if the event ends one. */
      closes: { index: number; episode: EpisodeFacts } | null;
      /** The new episode, if the event starts one. */
      opens: EpisodeFacts | null;
    }
  | { ok: false; breaches: RuleBreach[] };

/** Applies an event to the child's episodes (oldest first): what to end and what to start, or the rules it breaks. */
export function applyCareEvent(
  list: readonly EpisodeFacts[],
  event: CareEvent,
  child: { dateOfBirth: string },
  now: Date = new Date(),
): EventOutcome {
  const on = englandDate(event.at);
  if (event.at.getTime() > now.getTime() + 60_000)
    return {
      ok: false,
      breaches: [
        {
          rule: "not-future",
          field: "at",
          message: "An event is recorded once it has happened, and this date and time are in the future.",
        },
      ],
    };
  const lastIndex = list.length - 1;
  const last = list[lastIndex];
  const open = last && last.endDate === null ? last : null;

  if (event.kind === "startCare") {
    if (open)
      return {
        ok: false,
        breaches: [
          {
            rule: "already-looked-after",
            message:
              "The child is already looked after, so a new period of care cannot start: record a change of placement or legal status, or that the child ceased to be looked after.",
          },
        ],
      };
    const opens: EpisodeFacts = {
      startDate: on,
      startedAt: event.at,
      reasonNewEpisode: "S",
      legalStatus: event.legalStatus,
      categoryOfNeed: event.categoryOfNeed,
      placement: event.placement,
      placementProvider: event.placementProvider,
      carerRecordId: event.carerRecordId,
      placementPostcode: event.placementPostcode,
      homePostcode: event.homePostcode,
      urn: event.urn,
      endDate: null,
      endedAt: null,
      reasonCeased: null,
      reasonPlaceChange: null,
    };
    return checked(list, null, opens, child, now);
  }

  if (!open)
    return {
      ok: false,
      breaches: [
        {
          rule: "not-looked-after",
          message:
            "The child is not looked after now: record that they start to be looked after before recording a change or an end.",
        },
      ],
    };
  if (on < open.startDate)
    return {
      ok: false,
      breaches: [
        {
          rule: "before-current",
          field: "at",
          message: `An event cannot be dated before the current episode started (${formatUkDate(open.startDate)}): correct that episode instead if its start is wrong.`,
        },
      ],
    };

  if (event.kind === "ceaseCare") {
    if (event.reasonCeased === "X1")
      return {
        ok: false,
        breaches: [
          {
            rule: "cease-not-x1",
            field: "reasonCeased",
            message:
              "X1 is not a reason for ceasing to be looked after (it means a new episode begins the same day): choose why the child ceased to be looked after.",
          },
        ],
      };
    const closes = {
      ...open,
      endDate: on,
      endedAt: event.at,
      reasonCeased: event.reasonCeased,
      reasonPlaceChange: null,
    };
    return checked(list, { index: lastIndex, episode: closes }, null, child, now);
  }

  const changesPlacement = event.kind !== "changeLegalStatus";
  const placement: PlacementInput = changesPlacement
    ? event
    : {
        placement: open.placement,
        placementProvider: open.placementProvider,
        carerRecordId: open.carerRecordId,
        placementPostcode: open.placementPostcode,
        urn: open.urn,
      };
  const sameCarer =
    changesPlacement && placement.carerRecordId !== null && placement.carerRecordId === open.carerRecordId;
  const legalStatus =
    event.kind === "changeLegalStatus" || event.kind === "changeBoth" ? event.legalStatus : open.legalStatus;
  if (event.kind === "changeLegalStatus" && legalStatus === open.legalStatus)
    return {
      ok: false,
      breaches: [
        {
          rule: "no-change",
          field: "legalStatus",
          message: "A change of legal status must change it, and this is the legal status already recorded.",
        },
      ],
    };
  if (event.kind === "temporaryMove" && !isTemporary(placement.placement))
    return {
      ok: false,
      breaches: [
        {
          rule: "temporary-code",
          field: "placement",
          message:
            "A temporary move is to a temporary placement (T0 to T4): choose one of those, or record a change of placement.",
        },
      ],
    };
  if ((event.kind === "changePlacement" || event.kind === "changeBoth") && isTemporary(placement.placement))
    return {
      ok: false,
      breaches: [
        {
          rule: "temporary-is-move",
          field: "placement",
          message: "A temporary placement (T0 to T4) is recorded as a temporary move, not as a change of placement.",
        },
      ],
    };

  // The reason for a placement change goes on the ceasing episode, except for temporary moves and returns from them.
  const placementReason =
    event.kind === "changePlacement" || event.kind === "changeBoth" ? (event.reasonPlaceChange ?? null) : null;
  const needsReason = (event.kind === "changePlacement" || event.kind === "changeBoth") && !isTemporary(open.placement);
  if (needsReason && !placementReason)
    return {
      ok: false,
      breaches: [
        {
          rule: "rpc-required",
          field: "reasonPlaceChange",
          message:
            "The reason for a change of placement is needed whenever the placement changes, except on a return from a temporary move: choose the reason.",
        },
      ],
    };

  const closes = {
    ...open,
    endDate: on,
    endedAt: event.at,
    reasonCeased: "X1",
    reasonPlaceChange: needsReason ? placementReason : null,
  };
  const opens: EpisodeFacts = {
    startDate: on,
    startedAt: event.at,
    reasonNewEpisode: reasonForNewEpisode(event.kind, sameCarer),
    legalStatus,
    categoryOfNeed: open.categoryOfNeed,
    ...placement,
    homePostcode: open.homePostcode,
    endDate: null,
    endedAt: null,
    reasonCeased: null,
    reasonPlaceChange: null,
  };
  return checked(list, { index: lastIndex, episode: closes }, opens, child, now);
}

function checked(
  list: readonly EpisodeFacts[],
  closes: { index: number; episode: EpisodeFacts } | null,
  opens: EpisodeFacts | null,
  child: { dateOfBirth: string },
  now: Date,
): EventOutcome {
  const next = list.map((e, i) => (closes && i === closes.index ? closes.episode : e));
  if (opens) next.push(opens);
  // Only breaches on the episodes the event touches: older ones are reported on the return's page.
  const from = closes ? closes.index : list.length;
  const breaches = historyBreaches(next, child, now).filter((b) => (b.episode ?? from) >= from);
  return breaches.length ? { ok: false, breaches } : { ok: true, closes, opens };
}
