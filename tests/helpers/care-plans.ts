// Fictional care plan form values, and unwrapping a result the test expects to succeed.
import type { CarePlanFormValues } from "@/lib/care-plans/schemas";

export function carePlanForm(child: string, overrides: Partial<CarePlanFormValues> = {}): CarePlanFormValues {
  return {
    childId: child,
    entryId: null,
    version: null,
    lockVersion: 0,
    title: "Care plan",
    planDate: "02/03/2026",
    needs: "Needs a stable foster home close to her school and regular contact with her brother.",
    outcomes: "Settled in placement; attending school every day; weekly contact with her brother.",
    placementPlan: "Long-term foster placement with the Hawthorn household.",
    healthPlan: "Review health assessment due in June; dentist every six months.",
    educationPlan: "PEP targets: reading age, attendance above 95%.",
    contactPlan: "Fortnightly supervised contact with mother; weekly with brother.",
    childViews: { status: "given", text: "I want to stay with my carers and see my brother more." },
    // Chosen from the people linked to the child: none unless the test links someone.
    parentViews: [],
    contingencyPlan: "If the placement ends, a planning meeting within 5 working days.",
    permanencePlan: "Long-term fostering with the Hawthorn household until she is 18.",
    emotionalDevelopment: "Weekly sessions with the CAMHS worker; carers trained in therapeutic parenting.",
    identity: "Attends the church her family belongs to; carers support her Polish language.",
    socialPresentation: "Carers help her choose her own clothes; she is confident with adults she knows.",
    selfCare: "Learning to plan her own bus journeys to school.",
    ...overrides,
  };
}

export function expectOk<T>(
  result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}
