import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { DocumentNode, FieldNode, OperationDefinitionNode } from "graphql";
import { useCallback } from "react";

import { ApiError, errorMessage } from "./client";
import { useClient } from "./context";
import { useRun } from "./useRun";

/**
 * One reason a mutation did not take effect, as the screens show it: a typed error of the
 * helpdesk (`field`, `code`, `message`), or the failed request itself (no field; a code
 * only when the API sent one).
 */
export type MutationError = { field: string | null; code: string | null; message: string };

/** What every helpdesk mutation answers in its root field: typed errors, then its data. */
type Payload = { errors: ReadonlyArray<{ field: string | null; code: string; message: string }> };

/** The data of a mutation document: one root field holding the payload. */
type MutationData<TData> = { [K in Exclude<keyof TData, "__typename">]: Payload | null };

/** The payload type of a mutation's data (its root field, never null). */
export type PayloadOf<TData> = NonNullable<TData[Exclude<keyof TData, "__typename">]>;

export type MutationResult<TPayload> =
  | { status: "done"; payload: TPayload; errors: readonly MutationError[]; problem: null }
  /** The helpdesk answered with typed errors (or with no payload at all). */
  | {
      status: "refused";
      payload: TPayload | null;
      errors: readonly MutationError[];
      problem: string;
    }
  /** The request failed (network, HTTP, GraphQL errors, 401): nothing is known to have changed. */
  | { status: "failed"; payload: null; errors: readonly MutationError[]; problem: string };

export type MutationState = {
  busy: boolean;
  /** The errors of the last settled run (none when it was done, or before the first). */
  errors: readonly MutationError[];
  /** Those errors as one line, or null. */
  problem: string | null;
};

/** What a mutation without a payload (a null root field) is shown as. */
export const NO_ANSWER = "No answer";

/** Errors as one line: `field: message` (or the message alone), joined by "; ". */
export function problemLine(
  errors: ReadonlyArray<{ field?: string | null; message: string }>,
): string {
  return errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join("; ");
}

/** The response key of the operation's first root field (its alias, else its name). */
export function rootField(document: DocumentNode): string {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
  );
  const field = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === "Field");

  if (!field) throw new Error("The document has no root field");

  return field.alias?.value ?? field.name.value;
}

/** A run's outcome from the data the API answered. */
export function mutationResult<TData extends MutationData<TData>>(
  document: DocumentNode,
  data: TData,
): MutationResult<PayloadOf<TData>> {
  const payload = (data as Record<string, Payload | null | undefined>)[rootField(document)] as
    | PayloadOf<TData>
    | null
    | undefined;

  if (!payload) {
    return {
      status: "refused",
      payload: null,
      errors: [{ field: null, code: null, message: NO_ANSWER }],
      problem: NO_ANSWER,
    };
  }
  const errors = payload.errors.map((e) => ({
    field: e.field ?? null,
    code: e.code ?? null,
    message: e.message,
  }));

  if (errors.length) return { status: "refused", payload, errors, problem: problemLine(errors) };

  return { status: "done", payload, errors: [], problem: null };
}

/** A run's outcome when the request itself failed. */
export function failedResult(error: unknown): MutationResult<never> {
  const message = errorMessage(error);
  const code = error instanceof ApiError ? error.code ?? null : null;

  return {
    status: "failed",
    payload: null,
    errors: [{ field: null, code, message }],
    problem: message,
  };
}

/**
 * A helpdesk mutation for a component: `run(variables)` sends it and resolves, never
 * throws, its outcome (the typed payload, or the errors to show); the state says whether a
 * run is under way and what the last one refused.
 */
export function useMutation<TData extends MutationData<TData>, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
): [(variables: TVariables) => Promise<MutationResult<PayloadOf<TData>>>, MutationState] {
  const client = useClient();
  const [state, track] = useRun<MutationResult<PayloadOf<TData>>>();
  const run = useCallback(
    (variables: TVariables) =>
      track(async () => {
        try {
          return mutationResult(document, await client.request(document, variables));
        } catch (error) {
          return failedResult(error);
        }
      }),
    [client, document, track],
  );

  return [
    run,
    { busy: state.busy, errors: state.last?.errors ?? [], problem: state.last?.problem ?? null },
  ];
}
