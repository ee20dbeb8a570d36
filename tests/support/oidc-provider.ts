import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";
import { TestClient } from "./http-client.ts";
import { freePort } from "./server-process.ts";

// A real OpenID Connect provider (the certified `oidc-provider` package) on a local port, for the
// sign-in tests: discovery, authorisation code with PKCE, ID tokens signed with its own RSA key,
// RP-initiated and back-channel logout. Its people are whatever the test puts in `accounts`.

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  /** Lifetime of authorisation codes in seconds (a test may shorten it). */
  codeTtl: { seconds: number };
  /** Back-channel logout calls the provider made to the app, and the errors it got. */
  backchannel: { delivered: number; errors: string[] };
  stop(): Promise<void>;
}

/** `backchannelLogoutUri`: where the provider posts logout tokens, when not to the app itself (a test that reads them). */
export async function startTestIdp(appUrl: string, slug: string, opts: { backchannelLogoutUri?: string } = {}): Promise<TestIdp> {
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  const accounts = new Map<string, TestAccount>();
  const codeTtl = { seconds: 60 };
  const clientId = "samrad-test-client";
  const clientSecret = "samrad-test-client-secret-0123456789";
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" };

  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [`${appUrl}/api/auth/callback/oidc-${slug}`],
      post_logout_redirect_uris: [`${appUrl}/login?signedOut=1`],
      backchannel_logout_uri: opts.backchannelLogoutUri ?? `${appUrl}/api/oidc/${slug}/backchannel-logout`,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    }],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ["test-idp-cookie-key-0123456789"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: {
      devInteractions: { enabled: true },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    pkce: { required: () => true },
    // Its guard against calls to special-use addresses would stop the back-channel logout to the app
    // on this machine's loopback; here both ends are ours.
    fetch: (url, options) => globalThis.fetch(url, { ...options, dispatcher: undefined } as RequestInit),
    ttl: { AuthorizationCode: () => codeTtl.seconds, Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    // No consent screen: the test clients are first-party.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  // Its warnings about a development setup (http, dev interactions) are expected here.
  provider.on("server_error", (_ctx, error) => console.error("test IdP error:", error));
  const backchannel = { delivered: 0, errors: [] as string[] };
  provider.on("backchannel.success", () => { backchannel.delivered += 1; });
  provider.on("backchannel.error", (_ctx, error) => { backchannel.errors.push(String(error)); });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer, clientId, clientSecret, accounts, codeTtl, backchannel,
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const pathOf = (url: string, base: string) => {
  const u = new URL(url, base);
  return `${u.pathname}${u.search}`;
};

function location(res: Response, base: string): string {
  const to = res.headers.get("location");
  if (!to) throw new Error(`expected a redirect, got ${res.status}`);
  return new URL(to, base).toString();
}

/**
 * A person at the provider's login form: starts next-auth's sign-in in the app's browser (`app`),
 * signs in at the provider as `login` (in the provider's own browser, `idp`), and returns the
 * address the provider sends the browser back to (with code and state), not yet followed.
 */
export async function authoriseAtIdp(app: TestClient, idp: TestClient, slug: string, login: string): Promise<string> {
  const { csrfToken } = (await (await app.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const start = await app.fetch(`/api/auth/signin/oidc-${slug}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/", json: "true" }),
  });
  const { url } = (await start.json()) as { url: string };
  if (!url.startsWith(idp.baseUrl)) throw new Error(`sign-in did not go to the provider: ${url}`);
  let next = location(await idp.fetch(pathOf(url, idp.baseUrl)), idp.baseUrl);
  const interaction = pathOf(next, idp.baseUrl);
  await idp.fetch(interaction);
  next = location(await idp.fetch(interaction, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ prompt: "login", login, password: "anything" }),
  }), idp.baseUrl);
  // The provider resumes the authorisation and sends the browser back to the app.
  for (let hops = 0; hops < 5 && next.startsWith(idp.baseUrl); hops++) next = location(await idp.fetch(pathOf(next, idp.baseUrl)), idp.baseUrl);
  if (!next.startsWith(app.baseUrl)) throw new Error(`the provider did not send the browser back: ${next}`);
  return next;
}

/** Follows the provider's redirect in the app's browser; gives where the app sent it next. */
export async function finishAtApp(app: TestClient, callback: string): Promise<string> {
  let next = location(await app.fetch(pathOf(callback, app.baseUrl)), app.baseUrl);
  // next-auth shows its errors through /api/auth/error, which sends the browser on to our sign-in page.
  for (let hops = 0; hops < 3 && new URL(next).pathname.startsWith("/api/auth/"); hops++) next = location(await app.fetch(pathOf(next, app.baseUrl)), app.baseUrl);
  return next;
}

/** The person ends their session at the provider (its logout page, confirmed). */
export async function logoutAtIdp(idp: TestClient): Promise<void> {
  const page = await idp.fetch("/session/end");
  const html = await page.text();
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
  const action = /action="([^"]+)"/.exec(html)?.[1];
  if (!xsrf || !action) throw new Error(`no logout form at the provider: ${html.slice(0, 300)}`);
  const res = await idp.fetch(pathOf(action, idp.baseUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ xsrf, logout: "yes" }),
  });
  if (res.status >= 400) throw new Error(`logout at the provider failed: ${res.status}`);
}
