// The typed result every server action returns: expected failures are results, not throws, and
// each error code carries the details of its own type (a conflict carries both texts).
import type { ErrorCode, ErrorDetails } from "@/lib/errors";

export type ActionError = { [C in ErrorCode]: { code: C; message: string; details?: ErrorDetails[C] } }[ErrorCode];

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: ActionError;
      fieldErrors?: Record<string, string[]>;
    };
