let ipCounter = 0;

/** A distinct client address per test client (sent as X-Forwarded-For; the test server trusts it). */
export function nextTestIp(): string {
  ipCounter += 1;
  return `198.51.100.${(ipCounter % 250) + 1}`;
}

/**
 * A minimal browser stand-in: keeps cookies, sends our Origin on mutations like a browser would,
 * and a fixed client address.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    readonly ip: string = nextTestIp(),
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(path: string, init: RequestInit & { origin?: string | null } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    headers.set("x-forwarded-for", this.ip);
    const method = (init.method ?? "GET").toUpperCase();
    if (init.origin !== null && method !== "GET") headers.set("origin", init.origin ?? this.baseUrl);
    const res = await fetch(this.baseUrl + path, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  json(path: string, method: string, body: unknown, init: { origin?: string | null } = {}) {
    return this.fetch(path, {
      method,
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
      ...init,
    });
  }

  /** The real next-auth credentials flow: CSRF token, then the form post our sign-in page makes. */
  async signIn(email: string, password: string): Promise<Response> {
    const csrf = await this.fetch("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    return this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, csrfToken, json: "true", callbackUrl: "/" }),
    });
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
  }
}

/** Signs a new client in and fails loudly if that did not work. */
export async function signedIn(baseUrl: string, email: string, password: string): Promise<TestClient> {
  const client = new TestClient(baseUrl);
  const res = await client.signIn(email, password);
  if (!client.hasSession()) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  return client;
}

/** Demo accounts the integration tests sign in as (all share the demo password). */
export const DEMO_ACCOUNTS = {
  /** Jonas Dahl: member of the lifelong-learning group. */
  member: "livslang2@samrad.example",
  /** Sara Lund: lead of the lifelong-learning group. */
  lead: "livslang1@samrad.example",
  /** Lars Haugen: the project leader. */
  leader: "prosjektleder@samrad.example",
  /** Knut Andersen: a steering-group member. */
  steering: "styring2@samrad.example",
  /** Ole Johansen: member of the relevant-competence group. */
  otherGroup: "relevant2@samrad.example",
} as const;

/**
 * The usual cast of a test, signed in: the demo accounts named in `roles`, a member of another
 * forum (`outsider`) and a visitor with no session (`anonymous`).
 */
export async function cast<R extends keyof typeof DEMO_ACCOUNTS>(
  baseUrl: string, roles: readonly R[], demoPassword: string, outsider: { email: string; password: string },
): Promise<Record<R | "outsider" | "anonymous", TestClient>> {
  const out = {} as Record<R | "outsider" | "anonymous", TestClient>;
  for (const role of roles) out[role] = await signedIn(baseUrl, DEMO_ACCOUNTS[role], demoPassword);
  out.outsider = await signedIn(baseUrl, outsider.email, outsider.password);
  out.anonymous = new TestClient(baseUrl);
  return out;
}
