// Episodes of care from the events practitioners record. A pure module: given the child's
// episodes and an event (starts to be looked after, change of placement, of legal status, of
// both, a temporary move, ceases to be looked after), it derives the SSDA903 episodes the
// Department expects (the current one ends the same day with REC X1, the new one gets its reason
// S, L, P, T, B or U) and checks the Department's rules, each refusal naming its rule. The same
// checks run over a whole history, so an amendment that would break one is refused too.
import { differenceInYears, parseISO } from "date-fns";
import { todayIso } from "@/lib/dates";

export const TEMPORARY_PLACEMENTS = ["T0", "T1", "T2", "T3", "T4"] as const;
export const OTHER_PLACEMENTS_FROM_2025 = ["Z11", "Z12", "Z13", "Z14"] as const;
/** Placement codes the Department withdrew after 2024/25. */
export const PLACEMENTS_UNTIL_2024 = ["H5", "P2", "Z1"] as const;

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

const ageOn = (dateOfBirth: string, on: string) => differenceInYears(parseISO(on), parseISO(dateOfBirth));

/** Checks one episode's own codes against the child and the collection year it starts in. */
function episodeBreaches(e: EpisodeFacts, child: { dateOfBirth: string }): RuleBreach[] {
  const out: RuleBreach[] = [];
  const year = collectionYearOf(e.startDate);
  const age = ageOn(child.dateOfBirth, e.startDate);
  if (year >= 2025 && (PLACEMENTS_UNTIL_2024 as readonly string[]).includes(e.placement))
    out.push({
      rule: "placement-code-withdrawn",
      field: "placement",
      message: `Placement ${e.placement} is not valid from 2025/26: choose one of the current placement types.`,
    });
  if (year < 2025 && (OTHER_PLACEMENTS_FROM_2025 as readonly string[]).includes(e.placement))
    out.push({
      rule: "placement-code-not-yet-valid",
      field: "placement",
      message: `Placement ${e.placement} is valid only from 2025/26; this episode starts in ${collectionYearLabel(year)}.`,
    });
  if (e.placement === "K3" && age < 16)
    out.push({
      rule: "k3-age",
      field: "placement",
      message: "Supported accommodation (K3) is only for young people aged 16 or over.",
    });
  if (["J1", "J2", "J3"].includes(e.legalStatus) && age < 10)
    out.push({
      rule: "youth-justice-age",
      field: "legalStatus",
      message: "A child under 10 cannot be remanded or placed under PACE or a youth rehabilitation order (J1 to J3).",
    });
  if (e.placement === "P1" && e.legalStatus === "V2")
    out.push({
      rule: "p1-not-under-v2",
      field: "placement",
      message: "A child accommodated under section 20 (V2) cannot be placed with their parents (P1).",
    });
  if (["A5", "A6"].includes(e.placement) && !["E1", "D1"].includes(e.legalStatus))
    out.push({
      rule: "a5-a6-placement-order",
      field: "placement",
      message:
        "Placement for adoption under a placement order (A5, A6) needs the placement order (E1) as legal status.",
    });
  if (providerBlank(e.placement) && e.placementProvider)
    out.push({
      rule: "provider-blank",
      field: "placementProvider",
      message:
        "Temporary placements (T0 to T4) and other placements (Z11 to Z14) have no placement provider: leave it blank.",
    });
  if (!providerBlank(e.placement) && !e.placementProvider)
    out.push({ rule: "provider-required", field: "placementProvider", message: "Choose who provides the placement." });
  if ((e.endDate === null) !== (e.reasonCeased === null))
    out.push({
      rule: "dec-rec-pair",
      message: "An episode's end date and reason ceased are given together or not at all.",
    });
  if (e.endDate === null && e.reasonPlaceChange)
    out.push({
      rule: "rpc-blank-open",
      field: "reasonPlaceChange",
      message: "The reason for a placement change goes on the episode that ends, not on the current one.",
    });
  if (e.legalStatus === "L1" && e.endedAt && e.endedAt.getTime() - e.startedAt.getTime() > 72 * 3600_000)
    out.push({
      rule: "l1-72-hours",
      field: "at",
      message: "Police protection (L1) lasts at most 72 hours: record the change at the time it happened.",
    });
  return out;
}

/** The Department's rules over a child's whole history of episodes (oldest first). */
export function historyBreaches(list: readonly EpisodeFacts[], child: { dateOfBirth: string }): RuleBreach[] {
  const out: RuleBreach[] = [];
  list.forEach((e, i) => {
    const push = (b: RuleBreach): void => {
      out.push({ ...b, episode: i });
    };
    episodeBreaches(e, child).forEach(push);
    const prev = list[i - 1];
    if (i === 0 && e.reasonNewEpisode !== "S")
      push({
        rule: "first-episode-s",
        message: "A child's first episode of care must start a period of care (reason S).",
      });
    if (e.startDate < child.dateOfBirth)
      push({ rule: "before-birth", field: "at", message: "An episode cannot start before the child was born." });
    if (!prev) {
      if (isTemporary(e.placement))
        push({
          rule: "no-temporary-start",
          field: "placement",
          message: "A period of care cannot start with a temporary placement.",
        });
      return;
    }
    if (prev.endDate === null || prev.endDate > e.startDate)
      push({
        rule: "no-overlap",
        message: "Episodes of care cannot overlap: the previous episode has not ended by then.",
      });
    if (e.reasonNewEpisode === "S") {
      if (prev.reasonCeased === "X1")
        push({ rule: "s-after-x1", message: "A new period of care (S) cannot follow an episode that continued (X1)." });
      if (isTemporary(e.placement))
        push({
          rule: "no-temporary-start",
          field: "placement",
          message: "A period of care cannot start with a temporary placement.",
        });
    } else {
      if (prev.reasonCeased !== "X1" || prev.endDate !== e.startDate)
        push({
          rule: "continuation-same-day",
          message: "A continuing episode starts the day the previous one ended, and that one ended with X1.",
        });
      if (prev.categoryOfNeed !== e.categoryOfNeed)
        push({
          rule: "cin-period",
          field: "categoryOfNeed",
          message: "The category of need is set when a period of care starts and stays the same until it ends.",
        });
    }
  });
  return out;
}

const englandDate = (at: Date) => todayIso(at);

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
      breaches: [{ rule: "not-future", field: "at", message: "Record an event when it has happened, not before." }],
    };
  const lastIndex = list.length - 1;
  const last = list[lastIndex];
  const open = last && last.endDate === null ? last : null;

  if (event.kind === "startCare") {
    if (open)
      return {
        ok: false,
        breaches: [
          { rule: "already-looked-after", message: "The child is already looked after: record a change instead." },
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
    return checked(list, null, opens, child);
  }

  if (!open)
    return {
      ok: false,
      breaches: [
        {
          rule: "not-looked-after",
          message: "The child is not looked after: record that they start to be looked after first.",
        },
      ],
    };
  if (on < open.startDate)
    return {
      ok: false,
      breaches: [
        { rule: "before-current", field: "at", message: "The event is dated before the current episode started." },
      ],
    };

  if (event.kind === "ceaseCare") {
    if (event.reasonCeased === "X1")
      return {
        ok: false,
        breaches: [
          { rule: "cease-not-x1", field: "reasonCeased", message: "Choose why the child ceased to be looked after." },
        ],
      };
    const closes = {
      ...open,
      endDate: on,
      endedAt: event.at,
      reasonCeased: event.reasonCeased,
      reasonPlaceChange: null,
    };
    return checked(list, { index: lastIndex, episode: closes }, null, child);
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
      breaches: [{ rule: "no-change", field: "legalStatus", message: "That is the legal status already recorded." }],
    };
  if (event.kind === "temporaryMove" && !isTemporary(placement.placement))
    return {
      ok: false,
      breaches: [
        {
          rule: "temporary-code",
          field: "placement",
          message: "A temporary move is to a temporary placement (T0 to T4).",
        },
      ],
    };
  if ((event.kind === "changePlacement" || event.kind === "changeBoth") && isTemporary(placement.placement))
    return {
      ok: false,
      breaches: [
        { rule: "temporary-is-move", field: "placement", message: "Record a temporary placement as a temporary move." },
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
        { rule: "rpc-required", field: "reasonPlaceChange", message: "Choose the reason for the change of placement." },
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
  return checked(list, { index: lastIndex, episode: closes }, opens, child);
}

function checked(
  list: readonly EpisodeFacts[],
  closes: { index: number; episode: EpisodeFacts } | null,
  opens: EpisodeFacts | null,
  child: { dateOfBirth: string },
): EventOutcome {
  const next = list.map((e, i) => (closes && i === closes.index ? closes.episode : e));
  if (opens) next.push(opens);
  // Only breaches on the episodes the event touches: older ones are reported on the return's page.
  const from = closes ? closes.index : list.length;
  const breaches = historyBreaches(next, child).filter((b) => (b.episode ?? from) >= from);
  return breaches.length ? { ok: false, breaches } : { ok: true, closes, opens };
}
