// The fictional demo authority in a fresh database for one test file: every demo user loaded as
// an Actor, nobody signed in before each test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { DEMO_USERS, type DemoUserKey } from "@/scripts/seed/demo";
import type { Actor } from "@/lib/access";
import { createTestDb, demoActor, type TestDbHandle } from "./db";
import { signInAs } from "./session";

export function useDemoAuthority() {
  let handle: TestDbHandle | undefined;
  const actors = new Map<DemoUserKey, Actor>();
  beforeAll(async () => {
    handle = await createTestDb();
    for (const u of DEMO_USERS) actors.set(u.key, await demoActor(handle, u.key));
  });
  afterAll(() => handle?.close());
  beforeEach(() => signInAs(null));
  return {
    get handle(): TestDbHandle {
      if (!handle) throw new Error("the test database is not open yet");
      return handle;
    },
    actors,
    actor(key: DemoUserKey): Actor {
      const found = actors.get(key);
      if (!found) throw new Error(`no demo user ${key}`);
      return found;
    },
    /** Signs in as a demo user for the server actions called next. */
    as(key: DemoUserKey): void {
      signInAs(this.actor(key));
    },
  };
}
