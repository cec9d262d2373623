import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useCallback } from "react";

import { errorMessage } from "./client";
import { useClient } from "./context";
import { useRun } from "./useRun";

export type LazyQueryResult<TData> =
  | { status: "done"; data: TData; problem: null }
  | { status: "failed"; data: null; problem: string };

export type LazyQueryState = { busy: boolean; problem: string | null };

/**
 * A query a component runs when the user asks for it (a preview, a search, the next
 * ticket) rather than whenever its variables change (that is `useQuery`): `run(variables)`
 * resolves, never throws, the data or the problem to show.
 */
export function useLazyQuery<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
): [(variables: TVariables) => Promise<LazyQueryResult<TData>>, LazyQueryState] {
  const client = useClient();
  const [state, track] = useRun<LazyQueryResult<TData>>();
  const run = useCallback(
    (variables: TVariables) =>
      track(async (): Promise<LazyQueryResult<TData>> => {
        try {
          return { status: "done", data: await client.request(document, variables), problem: null };
        } catch (error) {
          return { status: "failed", data: null, problem: errorMessage(error) };
        }
      }),
    [client, document, track],
  );

  return [run, { busy: state.busy, problem: state.last?.problem ?? null }];
}
