import { ApiError } from "../api/client";
import { helpdeskEndpoint, type PageLocation } from "./host";

/*
 * Standalone (the demo, no Dashboard around us): staff sign in with e-mail and password
 * through Saleor's `tokenCreate` on the same origin; the token lives in sessionStorage.
 */

export const TOKEN_KEY = "saleor-helpdesk.token";
export const LANG_KEY = "saleor-helpdesk.lang";

const TOKEN_CREATE = `mutation TokenCreate($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) { token errors { field code message } }
}`;

export function saleorGraphqlUrl(origin: string = window.location.origin): string {
  return new URL("/graphql/", origin).toString();
}

/** The same endpoint as inside the Dashboard: beside the page, on its own origin. */
export function standaloneHelpdeskEndpoint(page: PageLocation = window.location): string {
  return helpdeskEndpoint(page);
}

export function loadToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function saveToken(token: string | null) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Sign in; resolves the token or throws an ApiError with Saleor's message. */
export async function login(
  email: string,
  password: string,
  options?: { url?: string; fetchImpl?: typeof fetch },
): Promise<string> {
  const doFetch = options?.fetchImpl ?? fetch;
  let response: Response;

  try {
    response = await doFetch(options?.url ?? saleorGraphqlUrl(), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        query: TOKEN_CREATE,
        operationName: "TokenCreate",
        variables: { email, password },
      }),
    });
  } catch (error) {
    throw new ApiError("network", error instanceof Error ? error.message : String(error));
  }
  let payload: {
    data?: {
      tokenCreate?: {
        token: string | null;
        errors: Array<{ field: string | null; code: string; message: string }>;
      };
    };
    errors?: Array<{ message: string }>;
  };

  try {
    payload = await response.json();
  } catch {
    throw new ApiError("http", `HTTP ${response.status}`, { status: response.status });
  }
  if (payload.errors?.length)
    throw new ApiError("graphql", payload.errors.map((e) => e.message).join("; "));
  const result = payload.data?.tokenCreate;

  if (result?.errors?.length)
    throw new ApiError("graphql", result.errors.map((e) => e.message).join("; "));
  if (!result?.token)
    throw new ApiError("http", `HTTP ${response.status}`, { status: response.status });

  return result.token;
}
