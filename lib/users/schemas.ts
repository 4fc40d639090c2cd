// Records officer's user administration.
import { z } from "zod";
import { id } from "@/lib/validation";

export const setUserActiveSchema = z.object({ userId: id, active: z.boolean() });
