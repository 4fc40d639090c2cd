// Break-glass request: which child, and why (the reason is shown to the records officer).
import { z } from "zod";
import { id } from "@/lib/validation";

export const breakGlassSchema = z.object({
  childId: id,
  reason: z
    .string()
    .trim()
    .min(20, "Give a reason of at least 20 characters: it is reviewed by the records officer")
    .max(2000, "Keep the reason under 2000 characters"),
});
export type BreakGlassInput = z.input<typeof breakGlassSchema>;

export const reviewBreakGlassSchema = z.object({ grantId: id });
