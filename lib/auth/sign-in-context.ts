import { AsyncLocalStorage } from "node:async_hooks";
import type { Locale } from "../i18n/index.ts";

/**
 * What the auth route knows of the request while next-auth runs (its OAuth callbacks get no request):
 * the client's address and the language the visitor chose on the sign-in page, if any.
 */
export interface SignInRequest {
  ip: string | null;
  chosenLocale: Locale | null;
}

const store = new AsyncLocalStorage<SignInRequest>();

export function withSignInRequest<T>(request: SignInRequest, run: () => T): T {
  return store.run(request, run);
}

export function signInRequest(): SignInRequest {
  return store.getStore() ?? { ip: null, chosenLocale: null };
}
