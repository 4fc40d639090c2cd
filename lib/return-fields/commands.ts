// Writes for the return's own facts, each in the caller's transaction under the child's lock (so
// two saves for one child queue rather than race) and refused whole when a check fails, so a bad
// submission changes nothing. The child's details are amended in place (the audit event keeps
// what they were); care leaver contacts and adoption milestones are version chains.
import { addMonths, addYears, formatISO, parseISO, subMonths } from "date-fns";
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { adoptionMilestones, careLeaverContacts, children, episodes } from "@/db/schema";
import type { Actor, ChildAccess } from "@/lib/access";
import { lockChild } from "@/lib/children/lock";
import { formatUkDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { SEX } from "@/lib/ssda903/codes";
import type { AdoptionMilestonesInput, CareLeaverContactInput, ReturnDetailsInput } from "./schemas";
import { birthdayWords } from "./schemas";

const refuse = (field: string, message: string) => new AppError("invalid:input", message, { [field]: [message] });
const iso = (d: Date) => formatISO(d, { representation: "date" });
const birthday = (dateOfBirth: string, years: number) => iso(addYears(parseISO(dateOfBirth), years));

async function childFacts(db: Queryable, childId: string) {
  const [child] = await db
    .select({
      dateOfBirth: children.dateOfBirth,
      sex: children.sex,
      previousPermanence: children.previousPermanence,
      previousPermanenceLa: children.previousPermanenceLa,
      previousPermanenceDate: children.previousPermanenceDate,
      isMother: children.isMother,
      motherChildDob: children.motherChildDob,
    })
    .from(children)
    .where(eq(children.id, childId))
    .limit(1);
  if (!child) throw new AppError("not-found");
  return child;
}

/** The child's episodes as they stand now (corrections applied), oldest first. */
async function episodesOf(db: Queryable, childId: string) {
  return db
    .select({
      startDate: episodes.startDate,
      endDate: episodes.endDate,
      reasonNewEpisode: episodes.reasonNewEpisode,
      reasonCeased: episodes.reasonCeased,
    })
    .from(episodes)
    .where(and(eq(episodes.childId, childId), isNull(episodes.supersededAt), isNull(episodes.deletedAt)))
    .orderBy(episodes.startDate, episodes.startedAt);
}

export interface CareLeaverStatus {
  /** The day the child's latest period of care ended; null while looked after or never looked after. */
  leftCareOn: string | null;
  /** Left care on or after the 16th birthday: the return asks about them at 17 to 21 (OC3). */
  careLeaver: boolean;
}

/**
 * Whether the child is a care leaver the return asks about: their latest period of care has
 * ended, on or after their 16th birthday. (The Department's full test also counts weeks looked
 * after from 14; the simple rule is what practitioners recognise and covers the demo's leavers.)
 */
export async function careLeaverStatus(db: Queryable, childId: string, dateOfBirth: string): Promise<CareLeaverStatus> {
  const rows = await episodesOf(db, childId);
  const last = rows.at(-1);
  const leftCareOn = last && last.endDate !== null && last.reasonCeased !== "X1" ? last.endDate : null;
  return { leftCareOn, careLeaver: leftCareOn !== null && leftCareOn >= birthday(dateOfBirth, 16) };
}

/** "Details for the children looked after return": previous permanence, and whether the child is a mother. */
export async function recordReturnDetails(tx: Tx, access: ChildAccess, input: ReturnDetailsInput) {
  await lockChild(tx, access.childId);
  const child = await childFacts(tx, access.childId);
  if (input.previousPermanenceDate && input.previousPermanenceDate < child.dateOfBirth)
    throw refuse("previousPermanenceDate", "The order cannot be before the child was born");
  if (input.previousPermanenceDate) {
    // The order came before care: it cannot be after the start of the child's latest period of care.
    const starts = (await episodesOf(tx, access.childId)).filter((e) => e.reasonNewEpisode === "S");
    const latestStart = starts.at(-1)?.startDate;
    if (latestStart && input.previousPermanenceDate > latestStart)
      throw refuse(
        "previousPermanenceDate",
        `The order was made before the child's period of care, which started on ${formatUkDate(latestStart)}`,
      );
  }
  if (input.isMother !== null && child.sex !== "F")
    throw refuse(
      "isMother",
      `This is recorded only for girls: the child's sex is recorded as ${(SEX[child.sex] ?? child.sex).toLowerCase()}`,
    );
  if (input.motherChildDob && input.motherChildDob < birthday(child.dateOfBirth, 12))
    throw refuse(
      "motherChildDob",
      `The date of birth of her first child cannot be before her 12th birthday (${formatUkDate(birthday(child.dateOfBirth, 12))})`,
    );
  const to = {
    previousPermanence: input.previousPermanence,
    previousPermanenceLa: input.previousPermanenceLa,
    previousPermanenceDate: input.previousPermanenceDate,
    isMother: input.isMother,
    motherChildDob: input.motherChildDob,
  };
  await tx.update(children).set(to).where(eq(children.id, access.childId));
  const { dateOfBirth: _dob, sex: _sex, ...from } = child;
  return { from, to };
}

/**
 * OC3: contact with a care leaver for one birthday (17 to 21), made between 3 months before and
 * 1 month after it (the Department's window) and after they left care. A second record for the
 * same birthday is a correction: a new version, with a reason, superseding the one before.
 */
export async function recordCareLeaverContact(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: CareLeaverContactInput,
  now: Date = new Date(),
) {
  await lockChild(tx, access.childId);
  const child = await childFacts(tx, access.childId);
  const status = await careLeaverStatus(tx, access.childId, child.dateOfBirth);
  if (!status.leftCareOn)
    throw new AppError(
      "invalid:input",
      "The young person is looked after (or has never been): contact is recorded once they have left care.",
    );
  if (!status.careLeaver)
    throw new AppError(
      "invalid:input",
      "The young person left care before their 16th birthday, so the return does not ask about contact with them.",
    );
  const day = birthday(child.dateOfBirth, input.age);
  const from = iso(subMonths(parseISO(day), 3));
  const until = iso(addMonths(parseISO(day), 1));
  if (input.contactedOn < from || input.contactedOn > until)
    throw refuse(
      "contactedOn",
      `Contact for the ${birthdayWords(input.age)} (${formatUkDate(day)}) is between ${formatUkDate(from)} and ${formatUkDate(until)}: 3 months before to 1 month after it`,
    );
  if (input.contactedOn < status.leftCareOn)
    throw refuse(
      "contactedOn",
      `The contact is after the young person left care, on ${formatUkDate(status.leftCareOn)}`,
    );
  const [current] = await tx
    .select({ id: careLeaverContacts.id, version: careLeaverContacts.version })
    .from(careLeaverContacts)
    .where(
      and(
        eq(careLeaverContacts.childId, access.childId),
        eq(careLeaverContacts.age, input.age),
        isNull(careLeaverContacts.supersededAt),
      ),
    )
    .limit(1);
  if (current && input.amendReason.length < 5)
    throw refuse(
      "amendReason",
      `Contact for the ${birthdayWords(input.age)} is already recorded: say why you are correcting it (at least 5 characters)`,
    );
  if (current)
    await tx
      .update(careLeaverContacts)
      .set({ supersededAt: now })
      .where(and(eq(careLeaverContacts.id, current.id), isNull(careLeaverContacts.supersededAt)));
  const [row] = await tx
    .insert(careLeaverContacts)
    .values({
      childId: access.childId,
      age: input.age,
      version: (current?.version ?? 0) + 1,
      contactedOn: input.contactedOn,
      inTouch: input.inTouch,
      activity: input.activity,
      accommodation: input.accommodation,
      amendReason: current ? input.amendReason : null,
      recordedBy: actor.id,
    })
    .returning({ id: careLeaverContacts.id, version: careLeaverContacts.version });
  if (!row) throw new Error("insert returned no row");
  return { contactId: row.id, age: input.age, version: row.version };
}

const ADOPTER_FIELDS = ["adoptedByFosterCarer", "numberOfAdopters", "adoptersSex", "adoptersLegalStatus"] as const;
const MILESTONE_FIELDS = ["decisionOn", "matchedOn", "reversedOn", "reversedReason", ...ADOPTER_FIELDS] as const;

/**
 * The child's adoption milestones, saved whole as a new version (the first, or the next from the
 * version the form was filled from). Details of the adopters are recorded once the child has been
 * adopted (a period of care ended E11 or E12); an adopted child's decision was not reversed.
 * Changing something already recorded (not just adding to it) needs a reason.
 */
export async function recordAdoptionMilestones(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: AdoptionMilestonesInput,
  now: Date = new Date(),
) {
  await lockChild(tx, access.childId);
  const child = await childFacts(tx, access.childId);
  const [current] = await tx
    .select()
    .from(adoptionMilestones)
    .where(and(eq(adoptionMilestones.childId, access.childId), isNull(adoptionMilestones.supersededAt)))
    .limit(1);
  if ((current?.version ?? 0) !== input.baseVersion)
    throw new AppError(
      "conflict:version",
      "Someone recorded the adoption milestones a moment ago. Reload the page to see what they recorded.",
    );
  if (input.decisionOn < child.dateOfBirth)
    throw refuse("decisionOn", "The decision cannot be before the child was born");
  const adopted = (await episodesOf(tx, access.childId)).some(
    (e) => e.reasonCeased === "E11" || e.reasonCeased === "E12",
  );
  const givenAdopterField = ADOPTER_FIELDS.find((f) => input[f] !== null);
  if (givenAdopterField && !adopted)
    throw refuse(
      givenAdopterField,
      "Details of the adopters are recorded once the child has been adopted (a period of care ended with an adoption, E11 or E12)",
    );
  if (adopted && input.reversedOn)
    throw refuse("reversedOn", "The child was adopted, so the decision was not reversed");
  const changed = current ? MILESTONE_FIELDS.filter((f) => current[f] !== null && current[f] !== input[f]) : [];
  if (changed.length > 0 && input.amendReason.length < 5)
    throw refuse("amendReason", "You are changing what was recorded: say why (at least 5 characters)");
  if (current)
    await tx
      .update(adoptionMilestones)
      .set({ supersededAt: now })
      .where(and(eq(adoptionMilestones.id, current.id), isNull(adoptionMilestones.supersededAt)));
  const [row] = await tx
    .insert(adoptionMilestones)
    .values({
      childId: access.childId,
      version: (current?.version ?? 0) + 1,
      decisionOn: input.decisionOn,
      matchedOn: input.matchedOn,
      reversedOn: input.reversedOn,
      reversedReason: input.reversedReason,
      adoptedByFosterCarer: input.adoptedByFosterCarer,
      numberOfAdopters: input.numberOfAdopters,
      adoptersSex: input.adoptersSex,
      adoptersLegalStatus: input.adoptersLegalStatus,
      amendReason: input.amendReason || null,
      recordedBy: actor.id,
    })
    .returning({ id: adoptionMilestones.id, version: adoptionMilestones.version });
  if (!row) throw new Error("insert returned no row");
  return { milestonesId: row.id, version: row.version, changed };
}
