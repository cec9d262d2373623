import type { Download, HelpdeskClient } from "../api/client";
import { operationName } from "../api/client";

type Handler = (variables: Record<string, unknown>) => unknown;

export type Call = { operation: string; variables: Record<string, unknown> };

export type DownloadCall = { path: string; params: Record<string, string> };

/**
 * A copy of variables as the HTTP client sends them (JSON): keys whose value is undefined
 * are left out, undefined in a list is null; files stay (they go as multipart parts).
 */
function asSent(value: unknown): unknown {
  if (value instanceof Blob) return value;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : asSent(item)));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [key, asSent(item)]),
    );
  }

  return value;
}

/**
 * A HelpdeskClient answering from handlers by operation name and recording every call;
 * downloads answer from `download` (a zip by default) and are recorded too.
 */
export function createFakeClient(
  handlers: Record<string, Handler>,
  download: (call: DownloadCall) => Download | Promise<Download> = () => ({
    blob: new Blob(["zip"], { type: "application/zip" }),
    filename: "helpdesk-export.zip",
  }),
) {
  const calls: Call[] = [];
  const downloads: DownloadCall[] = [];
  const client: HelpdeskClient = {
    async request(document, variables) {
      const operation = operationName(document);
      const vars = (variables ?? {}) as Record<string, unknown>;

      calls.push({ operation, variables: asSent(vars) as Record<string, unknown> });
      const handler = handlers[operation];

      if (!handler) throw new Error(`The fake client has no answer for ${operation}`);

      return (await handler(vars)) as never;
    },
    async fetchFile() {
      return new Blob(["file"], { type: "image/png" });
    },
    async download(path, params) {
      downloads.push({ path, params: { ...params } });

      return download({ path, params });
    },
  };

  return {
    client,
    calls,
    downloads,
    callsOf: (operation: string) => calls.filter((call) => call.operation === operation),
    handlers,
  };
}
