import type { HelpdeskClient } from "../api/client";
import { operationName } from "../api/client";

type Handler = (variables: Record<string, unknown>) => unknown;

export type Call = { operation: string; variables: Record<string, unknown> };

/** A HelpdeskClient answering from handlers by operation name and recording every call. */
export function createFakeClient(handlers: Record<string, Handler>) {
  const calls: Call[] = [];
  const client: HelpdeskClient = {
    async request(document, variables) {
      const operation = operationName(document);
      const vars = (variables ?? {}) as Record<string, unknown>;
      calls.push({ operation, variables: structuredClone(vars) });
      const handler = handlers[operation];
      if (!handler) throw new Error(`The fake client has no answer for ${operation}`);
      return (await handler(vars)) as never;
    },
    async fetchFile() {
      return new Blob(["file"], { type: "image/png" });
    },
  };
  return {
    client,
    calls,
    callsOf: (operation: string) => calls.filter((call) => call.operation === operation),
    handlers,
  };
}
