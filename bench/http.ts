// The bench's browser stand-in: signs in through next-auth's credentials flow over HTTP, then
// fires requests at a page with a fixed number in flight and times each to its last byte.

/** Cookies by name, updated from every response (the session cookie slides on each request). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  update(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(";", 1)[0] ?? "";
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

export async function signIn(base: string, email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  jar.update(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("sign-in: /api/auth/csrf returned no csrfToken");

  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    // The portal refuses a state-changing request that does not say it comes from its own origin.
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.header(),
      origin: new URL(base).origin,
    },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  });
  jar.update(res);
  await res.arrayBuffer();
  const location = res.headers.get("location") ?? "";
  if (!jar.has("authjs.session-token") || location.includes("error")) {
    throw new Error(`sign-in as ${email} failed (status ${res.status}, location "${location}")`);
  }
  return jar;
}

export interface Sample {
  ms: number;
  status: number;
  /** Sum of Server-Timing durations, when the server sends any. */
  serverTimingMs: number | null;
}

function serverTiming(res: Response): number | null {
  const header = res.headers.get("server-timing");
  if (!header) return null;
  const durations = [...header.matchAll(/dur=([\d.]+)/g)].map((m) => Number(m[1]));
  return durations.length ? durations.reduce((a, b) => a + b, 0) : null;
}

export async function fetchPage(base: string, path: string, jar: CookieJar): Promise<{ sample: Sample; body: string }> {
  const start = performance.now();
  const res = await fetch(`${base}${path}`, { redirect: "manual", headers: { cookie: jar.header() } });
  const body = await res.text();
  const ms = performance.now() - start;
  jar.update(res);
  return { sample: { ms, status: res.status, serverTimingMs: serverTiming(res) }, body };
}

/** `count` requests over `paths` in turn, `concurrency` in flight at once. */
export async function load(
  base: string,
  paths: readonly string[],
  jar: CookieJar,
  count: number,
  concurrency: number,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const path = paths[i % paths.length] ?? "/";
      samples.push((await fetchPage(base, path, jar)).sample);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return samples;
}

/** Nearest-rank percentile of a list of milliseconds. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}
