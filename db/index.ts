// The app's database entry point: server-only, so no client bundle can import it.
import "server-only";

export { getDb, getReportDb, rowsOf } from "./client";
export type { Db, Tx, Queryable } from "./client";
