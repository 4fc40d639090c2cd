// Environment variables, validated once with zod. Everything else reads `env`, never process.env.
import { createPrivateKey, type KeyObject } from "node:crypto";
import { z } from "zod";

/** An Ed25519 private key as PEM text, or base64 of the PEM or of its PKCS#8 DER (one line, for env files). */
export function parseSigningKey(value: string): KeyObject {
  const text = value.trim();
  const decoded = text.includes("-----BEGIN") ? text : Buffer.from(text, "base64").toString("utf8");
  const key = decoded.includes("-----BEGIN")
    ? createPrivateKey(decoded)
    : createPrivateKey({ key: Buffer.from(text, "base64"), format: "der", type: "pkcs8" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`an Ed25519 key is needed, not ${key.asymmetricKeyType}`);
  return key;
}

/** "true"/"1"/"yes" or "false"/"0"/"no" (any case); anything else is a configuration error. */
const flag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(["true", "false", "1", "0", "yes", "no", ""]))
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** A comma-separated list of origins (scheme, host and port only), each normalised as a browser sends it. */
const origins = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .url()
        .refine((o) => {
          const u = new URL(o);
          return (u.protocol === "https:" || u.protocol === "http:") && u.pathname === "/" && !u.search && !u.hash;
        }, "must be an http(s) origin with no path, e.g. https://cases.example.gov.uk")
        .transform((o) => new URL(o).origin),
    ),
  );

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** The Department for Education's three-digit code of this local authority (the SSDA903 header). */
  LA_CODE: z
    .string()
    .trim()
    .regex(/^\d{3}$/, "three digits, the DfE local authority code")
    .default("801"),
  /** The authority's name, as the portal and its exports show it. */
  LA_NAME: z.string().trim().min(1).default("Demo Children's Services (fictional)"),
  /** Unset: the embedded PGlite database in PGLITE_DIR. Set: a PostgreSQL server via the postgres driver. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * A read-only login on a PostgreSQL streaming standby of DATABASE_URL. Set: the reports (the
   * compliance tables, the work trays' statutory facts, the SSDA903 return, data quality) read
   * there; access decisions and every write stay on DATABASE_URL. Unset: everything reads the primary.
   */
  DATABASE_REPLICA_URL: z.string().url().optional(),
  /**
   * The owner login that runs the migrations, the seed, backup and restore (PostgreSQL only).
   * Unset: those scripts use DATABASE_URL, which must then be a login that may create roles.
   */
  DATABASE_OWNER_URL: z.string().url().optional(),
  /** The portal's own login role, created and granted by `npm run db:migrate`: it owns nothing. */
  DATABASE_APP_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, "lower case letters, digits and _ only")
    .default("cases_app"),
  /** Set on the app role by `npm run db:migrate` when given; otherwise the role keeps its password. */
  DATABASE_APP_PASSWORD: z.string().min(12).optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(16).optional(),
  /** Optional sign-in through the council's Microsoft Entra ID tenant. */
  AUTH_MICROSOFT_ENTRA_ID_ID: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: z.string().url().optional(),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(480).default(30),
  /** The local window, in working days after sign-off, for a team manager to agree or contest a review's decisions. */
  REVIEW_RESPONSE_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** The whole of an IRO's dispute about a care plan, in working days from raising it (the IRO Handbook: at most 20). */
  IRO_DISPUTE_WORKING_DAYS: z.coerce.number().int().min(1).max(20).default(20),
  /**
   * Each dispute stage's own time limit in working days, in order: informal, team manager, service
   * manager, head of service. A stage is due by the sooner of its own limit and the whole dispute's.
   */
  IRO_DISPUTE_STAGE_WORKING_DAYS: z
    .string()
    .default("5,5,5,5")
    .transform((v) => v.split(",").map((d) => Number(d.trim())))
    .pipe(
      z
        .array(z.number().int().min(1).max(20))
        .length(4, "four numbers of working days: informal, team manager, service manager, head of service"),
    ),
  /** How many working days before an item is due the work trays start to warn. */
  DUE_SOON_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(5),
  /**
   * Keys every audit event (HMAC-SHA256); the database never holds it. Optional here so that
   * `next build` needs no secrets; writing an audit event without it fails loudly.
   */
  AUDIT_HMAC_KEY: z.string().min(32, "at least 32 characters").optional(),
  /** Signs the checkpoints of the audit chains' heads (Ed25519). Without it no checkpoint is written. */
  AUDIT_SIGNING_KEY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      try {
        return parseSigningKey(value);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: `not an Ed25519 private key (${(e as Error).message})` });
        return z.NEVER;
      }
    }),
  /** Where signed checkpoints go: a folder written put-if-absent, outside the database. */
  AUDIT_CHECKPOINT_DIR: z.string().min(1).default(".data/audit-checkpoints"),
  /** Minutes between checkpoints in the server process (one is also written at start and at shutdown). */
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().min(0.05).max(1440).default(5),
  /**
   * Where the portal is served, as the browser sees it: state-changing requests must come from one
   * of these. Unset: the request's own origin (its Host, and with TRUST_PROXY the forwarded host).
   */
  PORTAL_ORIGINS: origins.default([]),
  /**
   * A reverse proxy in front sets X-Forwarded-For, -Host and -Proto and nothing reaches the portal
   * around it. Unset or false: those headers are ignored, and the client is the socket's address.
   */
  TRUST_PROXY: flag.default(false),
});

// The embedded PGlite database has no standby: a replica URL beside it is a mistake to say, not to ignore.
const settings = schema.refine((v) => !v.DATABASE_REPLICA_URL || v.DATABASE_URL, {
  message: "a replica needs a PostgreSQL primary: set DATABASE_URL, or unset DATABASE_REPLICA_URL",
  path: ["DATABASE_REPLICA_URL"],
});

const parsed = settings.safeParse(process.env);
if (!parsed.success) {
  const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new Error(`Invalid environment configuration: ${problems}`);
}

export const env = parsed.data;
export const entraConfigured = Boolean(
  env.AUTH_MICROSOFT_ENTRA_ID_ID && env.AUTH_MICROSOFT_ENTRA_ID_SECRET && env.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
);
