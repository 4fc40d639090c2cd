// The one versioning module: take a chain of versions for update, check the version the person
// started from, append version n+1 and supersede the one it replaces, with the allowed status
// moves as data. Entries, care plans and provider arrangements use it (later: episodes, reviews,
// carer records). Correct under truly concurrent saves on PostgreSQL: every writer of a chain
// first locks its version 1 (a row no writer changes hands on), then reads the versions with a new
// statement, which under READ COMMITTED sees whatever the previous lock holder committed. So of
// several saves from one base version exactly one wins and every other sees the winner's version
// and is a conflict; the unique (chain, version) index is the backstop, reported as a conflict too.
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { recordEntries, type EntrySection, type EntryStatus, type RecordEntry } from "@/db/schema";
import { AppError, type VersionConflict } from "@/lib/errors";

/** Which status a version may move to; the database enforces the same moves (migration 0009). */
export const STATUS_MOVES: Readonly<Record<EntryStatus, readonly EntryStatus[]>> = {
  recorded: [],
  draft: ["submitted"],
  submitted: ["approved", "returned"],
  returned: [],
  approved: ["superseded"],
  superseded: [],
};

export function canMoveStatus(from: EntryStatus, to: EntryStatus): boolean {
  return STATUS_MOVES[from].includes(to);
}

/** A chain of versions of one record: how to lock it, read it, supersede a version and add one. */
export interface VersionChain<Row extends { version: number }, Values> {
  /** Locks the chain (its first version) and returns the versions read after the lock, oldest first. */
  lockAndRead(tx: Tx): Promise<Row[]>;
  /** Marks the version that is no longer the latest. */
  supersede(tx: Tx, latest: Row): Promise<void>;
  /** Inserts a version; undefined when that version number exists already (a save that lost). */
  insert(tx: Tx, version: number, values: Values): Promise<Row | undefined>;
}

export interface LockedChain<Row extends { version: number }, Values> {
  versions: Row[];
  latest: Row;
  /**
   * Appends version latest + 1 after checking the base version the person started from. `stale`
   * builds the conflict (with both texts) when someone saved since.
   */
  append(values: Values, check?: { baseVersion: number; stale: (latest: Row) => AppError }): Promise<Row>;
}

export async function lockChain<Row extends { version: number }, Values>(
  tx: Tx,
  chain: VersionChain<Row, Values>,
  notFound: () => AppError = () => new AppError("not-found"),
): Promise<LockedChain<Row, Values>> {
  const versions = await chain.lockAndRead(tx);
  const latest = versions.at(-1);
  if (!latest) throw notFound();
  return {
    versions,
    latest,
    async append(values, check) {
      if (check && latest.version !== check.baseVersion) throw check.stale(latest);
      await chain.supersede(tx, latest);
      const row = await chain.insert(tx, latest.version + 1, values);
      // Only reachable by a writer that skipped the chain lock: still a conflict, never `internal`.
      if (!row) throw check ? check.stale(latest) : new AppError("conflict:version");
      return row;
    },
  };
}

export type NewEntryVersion = Omit<
  typeof recordEntries.$inferInsert,
  "id" | "entryId" | "version" | "childId" | "section"
>;

/** The versions of one entry of one child's section. */
export function entryChain(
  childId: string,
  section: EntrySection,
  entryId: string,
): VersionChain<RecordEntry, NewEntryVersion> {
  const ofEntry = and(
    eq(recordEntries.entryId, entryId),
    eq(recordEntries.childId, childId),
    eq(recordEntries.section, section),
  );
  return {
    async lockAndRead(tx) {
      const [first] = await tx
        .select({ id: recordEntries.id })
        .from(recordEntries)
        .where(and(ofEntry, eq(recordEntries.version, 1)))
        .for("update");
      if (!first) return [];
      return tx.select().from(recordEntries).where(ofEntry).orderBy(asc(recordEntries.version));
    },
    async supersede(tx, latest) {
      await tx
        .update(recordEntries)
        .set({
          isLatest: false,
          inChronology: latest.section === "carePlan" ? latest.inChronology : false,
          updatedAt: new Date(),
        })
        .where(eq(recordEntries.id, latest.id));
    },
    async insert(tx, version, values) {
      const [row] = await tx
        .insert(recordEntries)
        .values({ ...values, entryId, version, childId, section })
        .onConflictDoNothing({ target: [recordEntries.entryId, recordEntries.version] })
        .returning();
      return row;
    },
  };
}

/** The conflict for an entry: what the person wrote, and the version someone else saved. */
export function entryConflict<Yours>(
  yours: Yours,
  current: RecordEntry,
  keep: (tx: Tx) => Promise<void>,
): AppError<"conflict:version"> {
  const details: VersionConflict = {
    yours,
    current: {
      version: current.version,
      title: current.title,
      occurredOn: current.occurredOn,
      data: current.data,
      amendReason: current.amendReason,
    },
  };
  return new AppError("conflict:version", undefined, undefined, {
    details,
    afterRollback: (tx) => keep(tx as Tx),
  });
}
