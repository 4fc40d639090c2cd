// The records officer's form for the retention hold.
import { z } from "zod";

export const retentionHoldSchema = z.object({
  active: z.enum(["on", "off"], { error: "Choose whether the hold is on or off" }),
  reason: z
    .string()
    .trim()
    .min(20, "Give the reason for this decision (at least 20 characters), citing the guidance")
    .max(2000),
});
