// The fictional demo authority as the journeys see it: accounts, which children each one
// reaches, and the names and ids of those children (the same functions the seed uses).
import { DEMO_PASSWORD, DEMO_USERS, demoChildId, demoChildName, type DemoUserKey } from "../../scripts/seed/demo";
import { stableId } from "../../scripts/seed/ids";

export { DEMO_PASSWORD, demoChildId, demoChildName, type DemoUserKey };

export type Account = (typeof DEMO_USERS)[number];

export function account(key: DemoUserKey): Account {
  const found = DEMO_USERS.find((u) => u.key === key);
  if (!found) throw new Error(`No demo account ${key}`);
  return found;
}

/** Every account that can sign in (the deactivated one cannot). */
export const SIGN_IN_KEYS = DEMO_USERS.filter((u) => !("active" in u) || u.active).map((u) => u.key);

/** Where signed-in state for each account is kept (gitignored). */
export const authFile = (key: DemoUserKey) => `e2e/.auth/${key}.json`;

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
export const NORTH_CHILDREN = range(0, 24);
export const SOUTH_CHILDREN = range(24, 40);
export const EVEN_CHILDREN = range(0, 40).filter((n) => n % 2 === 0);
/** Brightwater Fostering's active arrangements; 6 has ended and 7 has not started. */
export const BRIGHTWATER_ACTIVE = [0, 1, 2, 3, 4, 5, 24];

export const childPath = (n: number) => `/children/${demoChildId(n)}`;

/** Extra children added for the pagination journey (iro2 is their IRO). */
export const PAGINATION_CHILD_COUNT = 32;
const PAGINATION_SURNAMES = ["Bramblecote", "Cinderford", "Dovecote", "Fernleigh"] as const;
export function paginationChildName(n: number): { firstName: string; lastName: string } {
  const firstName = ["Wren", "Moss", "Brook", "Ash", "Rowan", "Sage", "Linden", "Hazel"][n % 8] ?? "Wren";
  return { firstName, lastName: `${PAGINATION_SURNAMES[n % 4] ?? "Bramblecote"}-${String(n + 1).padStart(2, "0")}` };
}
export const paginationChildId = (n: number) => stableId(`e2e-child:${n}`);
