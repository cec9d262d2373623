import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";

import { errorMessage, type HelpdeskClient } from "./client";

const ClientContext = createContext<HelpdeskClient | null>(null);

export function ClientProvider({
  client,
  children,
}: {
  client: HelpdeskClient;
  children: ReactNode;
}) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): HelpdeskClient {
  const client = useContext(ClientContext);

  if (!client) throw new Error("No HelpdeskClient provided");

  return client;
}

export type QueryState<TData> = {
  data: TData | undefined;
  error: string | null;
  loading: boolean;
  refetch: () => Promise<void>;
};

/** Run a query whenever its variables change; the previous data stays while reloading. */
export function useQuery<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options?: { skip?: boolean },
): QueryState<TData> {
  const client = useClient();
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{
    data: TData | undefined;
    error: string | null;
    loading: boolean;
  }>({
    data: undefined,
    error: null,
    loading: !options?.skip,
  });
  const latest = useRef(0);
  const variablesRef = useRef(variables);

  variablesRef.current = variables;

  const run = useCallback(async () => {
    const id = ++latest.current;

    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const data = await client.request(document, variablesRef.current);

      if (id === latest.current) setState({ data, error: null, loading: false });
    } catch (error) {
      if (id === latest.current)
        setState((s) => ({ ...s, error: errorMessage(error), loading: false }));
    }
  }, [client, document]);

  useEffect(() => {
    if (options?.skip) return;
    void run();
  }, [run, key, options?.skip]);

  return { ...state, refetch: run };
}
