// Sign-in timing tells an outsider nothing: an unknown email, a wrong password and a locked
// account are answered in the same time. A statistical check over repeated trials, interleaved so
// drift on the machine affects every kind alike, with the generous margin of 20% between medians.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { DEMO_USERS } from "@/scripts/seed/demo";
import { FAILED_ANSWER_MS, SIGN_IN_LIMITS, verifyCredentials, type RefusalReason } from "@/lib/auth/credentials";
import { createTestDb } from "../helpers/db";

const TRIALS = 15;
const WARM_UP = 2;

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const emailOf = (key: string) => DEMO_USERS.find((u) => u.key === key)?.email ?? "";
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

interface Kind {
  name: string;
  reason: RefusalReason;
  attempt: (i: number) => { email: string; password: string; address: string };
}

describe("how long a failed sign-in takes", () => {
  it(
    "is the same for an unknown email, a wrong password and a locked account (medians within 20%)",
    async () => {
      // iro2 is locked for one address by five wrong passwords from it.
      const lockedFrom = "203.0.113.200";
      for (let i = 0; i < SIGN_IN_LIMITS.perPair; i++) {
        await verifyCredentials(
          handle.db,
          { email: emailOf("iro2"), password: `guess-${i}`, address: lockedFrom },
          { failedAnswerMs: 0 },
        );
      }
      // Each wrong-password trial comes from its own address, so none of them locks anything.
      const kinds: Kind[] = [
        {
          name: "unknown email",
          reason: "unknown-account",
          attempt: (i) => ({
            email: `nobody-${i}@demo.invalid`,
            password: "Demo-password-2026",
            address: `198.51.100.${i}`,
          }),
        },
        {
          name: "wrong password",
          reason: "wrong-password",
          attempt: (i) => ({ email: emailOf("sw2"), password: `not-it-${i}`, address: `198.51.100.${100 + i}` }),
        },
        {
          name: "locked account",
          reason: "locked",
          attempt: () => ({ email: emailOf("iro2"), password: "Demo-password-2026", address: lockedFrom }),
        },
      ];
      const times = new Map<string, number[]>(kinds.map((k) => [k.name, []]));
      for (let round = 0; round < WARM_UP + TRIALS; round++) {
        // Rotate the order each round so no kind always runs first (cold caches) or last.
        for (let k = 0; k < kinds.length; k++) {
          const kind = kinds[(round + k) % kinds.length];
          if (!kind) continue;
          const started = performance.now();
          const outcome = await verifyCredentials(handle.db, kind.attempt(round));
          const elapsed = performance.now() - started;
          expect(outcome, kind.name).toEqual({ ok: false, reason: kind.reason });
          if (round >= WARM_UP) times.get(kind.name)?.push(elapsed);
        }
      }
      const medians = kinds.map((k) => ({ kind: k.name, median: Math.round(median(times.get(k.name) ?? [])) }));
      const values = medians.map((m) => m.median);
      const slowest = Math.max(...values);
      const fastest = Math.min(...values);
      console.info(`sign-in failure medians over ${TRIALS} trials:`, medians);
      // Every failure waits for the fixed answer time, and no kind stands out from the others.
      expect(fastest).toBeGreaterThanOrEqual(FAILED_ANSWER_MS - 5);
      expect(slowest / fastest, JSON.stringify(medians)).toBeLessThanOrEqual(1.2);
    },
    (WARM_UP + TRIALS) * 3 * FAILED_ANSWER_MS * 2 + 30_000,
  );
});
