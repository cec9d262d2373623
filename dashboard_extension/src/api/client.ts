import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type DocumentNode, type OperationDefinitionNode, print } from "graphql";

import { isOwnOrigin } from "../host/host";

/** What the screens need from the API. Screens get it through context, so tests pass a fake. */
export interface HelpdeskClient {
  request<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData>;
  /** Download a file of the helpdesk (attachments need the caller's token). */
  fetchFile(url: string): Promise<Blob>;
  /**
   * Download from one of the plugin's own HTTP endpoints (`path` relative to the plugin's
   * base, e.g. `privacy/export/`), with the caller's token; refusals throw an ApiError
   * carrying the endpoint's error code.
   */
  download(path: string, params: Record<string, string>): Promise<Download>;
}

export type Download = { blob: Blob; filename: string | null };

export type ApiErrorKind = "network" | "http" | "graphql" | "unauthorized";

export class ApiError extends Error {
  /** The HTTP status, when there was an answer. */
  public readonly status?: number;
  /** The helpdesk's error code (`PERMISSION_DENIED`, `NOT_FOUND`, …) when it sent one. */
  public readonly code?: string;

  constructor(
    public readonly kind: ApiErrorKind,
    message: string,
    { status, code }: { status?: number; code?: string } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

export function operationName(document: DocumentNode): string {
  const definition = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
  );

  return definition?.name?.value ?? "anonymous";
}

/** Files in variables, for the GraphQL multipart request spec. */
function extractFiles(value: unknown, path: string, found: Array<[string, File]>): unknown {
  if (typeof File !== "undefined" && value instanceof File) {
    found.push([path, value]);

    return null;
  }
  if (Array.isArray(value))
    return value.map((item, i) => extractFiles(item, `${path}.${i}`, found));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, extractFiles(v, `${path}.${k}`, found)]),
    );
  }

  return value;
}

export type HttpClientOptions = {
  endpoint: string;
  getToken: () => string | null | undefined;
  /** Called on a 401 (expired or invalid token). */
  onUnauthorized?: () => void;
  fetchImpl?: typeof fetch;
};

export function createHttpClient(options: HttpClientOptions): HelpdeskClient {
  const doFetch = (input: string, init: RequestInit) => (options.fetchImpl ?? fetch)(input, init);
  const authHeaders = (): Record<string, string> => {
    const token = options.getToken();

    return token ? { Authorization: `Bearer ${token}` } : {};
  };

  return {
    async request(document, variables) {
      const files: Array<[string, File]> = [];
      const cleanVariables = extractFiles(variables ?? {}, "variables", files);
      const operations = {
        query: print(document),
        operationName: operationName(document),
        variables: cleanVariables,
      };
      let body: BodyInit;
      const headers: Record<string, string> = { ...authHeaders() };

      if (files.length) {
        const form = new FormData();

        form.append("operations", JSON.stringify(operations));
        form.append(
          "map",
          JSON.stringify(Object.fromEntries(files.map(([path], i) => [String(i), [path]]))),
        );
        files.forEach(([, file], i) => form.append(String(i), file, file.name));
        body = form;
      } else {
        headers["Content-Type"] = "application/json";
        body = JSON.stringify(operations);
      }
      let response: Response;

      try {
        response = await doFetch(options.endpoint, { method: "POST", headers, body });
      } catch (error) {
        throw new ApiError("network", error instanceof Error ? error.message : String(error));
      }
      if (response.status === 401) {
        options.onUnauthorized?.();
        throw new ApiError("unauthorized", "Unauthorized", { status: 401 });
      }
      let payload: { data?: unknown; errors?: Array<{ message: string }> };

      try {
        payload = await response.json();
      } catch {
        throw new ApiError("http", `HTTP ${response.status}`, { status: response.status });
      }
      if (payload.errors?.length) {
        throw new ApiError("graphql", payload.errors.map((e) => e.message).join("; "), {
          status: response.status,
        });
      }
      if (!response.ok || payload.data === undefined || payload.data === null) {
        throw new ApiError("http", `HTTP ${response.status}`, { status: response.status });
      }

      return payload.data as never;
    },
    async fetchFile(url) {
      // The token goes only to the helpdesk's own origin, whatever URL a file names.
      const own = new URL(options.endpoint, window.location.href).origin;

      if (!isOwnOrigin(url, own))
        throw new ApiError("http", `Not downloading from another origin: ${url}`);
      let response: Response;

      try {
        response = await doFetch(url, { headers: authHeaders() });
      } catch (error) {
        throw new ApiError("network", error instanceof Error ? error.message : String(error));
      }
      if (response.status === 401) {
        options.onUnauthorized?.();
        throw new ApiError("unauthorized", "Unauthorized", { status: 401 });
      }
      if (!response.ok)
        throw new ApiError("http", `HTTP ${response.status}`, { status: response.status });

      return response.blob();
    },
    async download(path, params) {
      const url = pluginUrl(options.endpoint, path, params);
      let response: Response;

      try {
        response = await doFetch(url, { headers: authHeaders() });
      } catch (error) {
        throw new ApiError("network", error instanceof Error ? error.message : String(error));
      }
      if (!response.ok) {
        // The plugin's endpoints answer refusals as {"error": {code, message, field?}}.
        let refusal: { code?: string; message?: string } | undefined;

        try {
          refusal = ((await response.json()) as { error?: { code?: string; message?: string } })
            .error;
        } catch {
          refusal = undefined;
        }
        if (response.status === 401) options.onUnauthorized?.();
        throw new ApiError(
          response.status === 401 ? "unauthorized" : "http",
          refusal?.message ?? `HTTP ${response.status}`,
          { status: response.status, code: refusal?.code },
        );
      }

      return {
        blob: await response.blob(),
        filename: filenameOf(response.headers.get("Content-Disposition")),
      };
    },
  };
}

/** `path` below the plugin's base, which is where its GraphQL endpoint lives (same origin). */
export function pluginUrl(
  endpoint: string,
  path: string,
  params: Record<string, string> = {},
): string {
  const base = new URL(
    "../",
    new URL(endpoint, typeof window === "undefined" ? undefined : window.location.href),
  );
  const url = new URL(path.replace(/^\/+/, ""), base);

  Object.entries(params).forEach(([key, value]) => url.searchParams.set(key, value));

  return url.toString();
}

/** `attachment; filename="x.zip"` → `x.zip`. */
export function filenameOf(disposition: string | null): string | null {
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;

  return match ? match[1]! : null;
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;

  return String(error);
}
