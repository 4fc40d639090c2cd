// Environment variables, validated once with zod. Everything else reads `env`, never process.env.
import { z } from "zod";

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
  /** Unset: the embedded PGlite database in PGLITE_DIR. Set: a PostgreSQL server via the postgres driver. */
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(16).optional(),
  /** Optional sign-in through the council's Microsoft Entra ID tenant. */
  AUTH_MICROSOFT_ENTRA_ID_ID: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: z.string().url().optional(),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(480).default(30),
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

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new Error(`Invalid environment configuration: ${problems}`);
}

export const env = parsed.data;
export const entraConfigured = Boolean(
  env.AUTH_MICROSOFT_ENTRA_ID_ID && env.AUTH_MICROSOFT_ENTRA_ID_SECRET && env.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
);
