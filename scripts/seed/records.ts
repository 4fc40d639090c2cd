// Fictional entries for the demo children, written through the same commands users trigger.
import { addDays, format, parseISO } from "date-fns";
import type { Tx } from "@/db/client";
import { childAccess, type Actor } from "@/lib/access";
import { approveCarePlan, saveCarePlanDraft, submitCarePlan } from "@/lib/care-plans/commands";
import { approveCarePlanSchema, saveCarePlanDraftSchema } from "@/lib/care-plans/schemas";
import { createEntry, recordDecision } from "@/lib/records/commands";
import { createEntrySchema } from "@/lib/records/schemas";
import type { FormSection } from "@/lib/sections";
import { todayIso } from "@/lib/dates";
import { pick, seededRandom } from "./ids";
import { demoParentViews } from "./people";

const uk = (iso: string) => format(parseISO(iso), "dd/MM/yyyy");

const VIEWS = [
  "I like living here and I want to stay until I'm older.",
  "I miss my mum and want to see her more often.",
  "School is better now; I have a best friend.",
  "I don't like the journey to contact, it makes me tired.",
];
const OBSERVATIONS = [
  "Settled and chatty. Showed me the garden and new bike. Carers report good sleep.",
  "Quiet at first, warmed up over lunch. Bedroom personalised with drawings.",
  "Some anxiety about the coming contact; carer using agreed reassurance routine.",
];

/** A handful of entries per child across the sections, dated over the last year. */
export async function seedDemoRecords(
  tx: Tx,
  child: { id: string; teamId: string },
  worker: Actor,
  manager: Actor | null,
  n: number,
): Promise<void> {
  const rand = seededRandom(1000 + n);
  // Through the policy, as the worker's own request would be: the seed never makes an access up.
  const access = await childAccess(tx, worker, child.id);
  if (!access) throw new Error(`the demo worker cannot open child ${n}`);
  const day = (ago: number) => uk(format(addDays(parseISO(todayIso()), -ago), "yyyy-MM-dd"));
  // An instant on a past day (midday UTC is the same day in London), so seeded steps keep their dates.
  const dayAt = (ago: number) => new Date(`${format(addDays(parseISO(todayIso()), -ago), "yyyy-MM-dd")}T12:00:00Z`);
  const add = async (section: FormSection, values: Record<string, unknown>) => {
    const input = createEntrySchema(section).parse({
      childId: child.id,
      significant: false,
      childProperty: false,
      ...values,
    });
    await createEntry(tx, worker, access, section, input);
  };

  for (const ago of [12, 54, 96]) {
    await add("visits", {
      title: "Statutory visit",
      occurredOn: day(ago + Math.floor(rand() * 5)),
      data: {
        visitor: worker.name,
        visitType: "Statutory visit",
        location: "Foster home",
        seenAlone: "Yes",
        childViews: { status: "given", text: pick(rand, VIEWS) },
        observations: pick(rand, OBSERVATIONS),
        actions: "Next visit booked.",
      },
    });
  }
  await add("health", {
    title: "Review health assessment",
    occurredOn: day(120),
    data: {
      assessmentType: "Review health assessment",
      assessor: "Looked-after children's nurse (fictional)",
      summary: "Growth and development on track. Immunisations up to date.",
      recommendations: "Dental check due.",
      nextDue: day(-245),
    },
  });
  await add("education", {
    title: "Autumn term progress",
    occurredOn: day(30),
    data: {
      school: "Demotown Primary (fictional)",
      pepDate: day(40),
      nextPepDue: day(-140),
      attainment: "Working towards expected level in reading; at expected level in maths.",
      specialNeeds: "None identified",
      attendance: "96",
    },
  });
  await add("contact", {
    title: "Contact with mother",
    occurredOn: day(200),
    data: {
      withWhom: "Mother (fictional)",
      relationship: "Mother",
      frequency: "Fortnightly, Saturdays",
      supervision: "Supervised",
      venue: "Family centre",
      restrictions: "No unplanned contact.",
      childViews: { status: "given", text: "I want longer visits." },
      // A new arrangement is a decision: every parent with parental responsibility is asked.
      parentViews: demoParentViews(n)
        .filter((p) => p.parentalResponsibility)
        .map(({ personId, status, text }) => ({ personId, status, text })),
    },
  });
  await add("contributions", {
    title: "Swimming certificate",
    occurredOn: day(70),
    childProperty: true,
    data: {
      kind: "School certificate",
      description: "25 metres swimming certificate, very proud of it.",
      originalWith: "The child",
    },
  });
  await add("correspondence", {
    title: "Letter from school about trip",
    occurredOn: day(45),
    data: {
      direction: "Received",
      correspondent: "Demotown Primary (fictional)",
      summary: "Consent requested for residential trip.",
    },
  });
  await recordDecision(tx, worker, child.id, {
    title: "Placement to continue",
    occurredOn: format(addDays(parseISO(todayIso()), -90), "yyyy-MM-dd"),
    decision: "The current placement continues as the plan for permanence.",
    decidedBy: worker.name,
    reasons: "Child settled, needs met, carers committed.",
    childViews: { status: "given", text: "I want to stay here." },
    parentViews: demoParentViews(n),
  });

  // Most children have an approved care plan, drafted by the worker and approved by the manager.
  if (manager && n % 4 !== 3) {
    const managerAccess = await childAccess(tx, manager, child.id);
    if (!managerAccess) throw new Error(`the demo manager cannot open child ${n}`);
    const draft = saveCarePlanDraftSchema.parse({
      childId: child.id,
      entryId: null,
      version: null,
      lockVersion: 0,
      title: "Care plan",
      planDate: day(150),
      needs: "Needs a stable home, help to catch up with reading, and regular contact with family (fictional).",
      outcomes: "Remains settled in placement; reading at expected level by summer; contact continues fortnightly.",
      placementPlan: "Long-term foster placement with the current carers.",
      healthPlan: "Annual review health assessment; dental check every six months.",
      educationPlan: "PEP termly; reading support three times a week.",
      contactPlan: "Supervised contact with mother fortnightly.",
      contingencyPlan: "If the placement breaks down, a planning meeting within five working days.",
      permanencePlan: "Long-term fostering with the current carers until the child is 18.",
      emotionalDevelopment: "Carers use therapeutic parenting; CAMHS consultation each term.",
      identity: "Carers support the child's links with their culture, faith and first language.",
      socialPresentation: "Carers help the child choose their own clothes and practise meeting new people.",
      selfCare: "Learning the self-care skills expected for their age, with the carers' help.",
      childViews: { status: "given", text: pick(rand, VIEWS) },
      parentViews: demoParentViews(n).map(({ personId, status, text }) => ({ personId, status, text })),
    });
    const saved = await saveCarePlanDraft(tx, worker, access, draft);
    // Submitted and approved on their real dates, a few days after the plan date, not at seeding.
    const submitted = await submitCarePlan(
      tx,
      worker,
      access,
      { childId: child.id, entryId: saved.entryId, version: saved.version, lockVersion: saved.lockVersion },
      dayAt(147),
    );
    await approveCarePlan(
      tx,
      manager,
      managerAccess,
      approveCarePlanSchema.parse({
        childId: child.id,
        entryId: submitted.entryId,
        version: submitted.version,
        lockVersion: submitted.lockVersion,
        comment: "Plan meets the child's needs and reflects their views.",
        parentViews: demoParentViews(n)
          .filter((p) => p.parentalResponsibility)
          .map(({ personId, status, text }) => ({ personId, status, text })),
      }),
      dayAt(143),
    );
  }
}
