// The typed result every server action returns: expected failures are results, not throws.
import type { ErrorCode } from "@/lib/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: { code: ErrorCode; message: string; details?: unknown };
      fieldErrors?: Record<string, string[]>;
    };
