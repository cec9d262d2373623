import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";

import {
  NextUnansweredTicketDocument,
  TicketClaimDocument,
  type TicketClaimMutation,
} from "../generated/graphql";
import { createFakeClient } from "../test/fakeClient";
import { ApiError } from "./client";
import { ClientProvider } from "./context";
import { useLazyQuery } from "./useLazyQuery";
import { useMutation } from "./useMutation";

type Handler = (variables: Record<string, unknown>) => unknown;

function withClient(handlers: Record<string, Handler>) {
  const fake = createFakeClient(handlers);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ClientProvider client={fake.client}>{children}</ClientProvider>
  );

  return { ...fake, wrapper };
}

/** An answer the test hands over when it wants to. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));

  return { promise, resolve };
}

const claimed: TicketClaimMutation = {
  ticketClaim: {
    errors: [],
    ticket: {
      id: "Ticket:1",
      assignee: { id: "User:1", email: "anna@example.com", firstName: "Anna", lastName: "Agent" },
    },
  },
};

describe("useMutation", () => {
  it("is busy while the mutation runs and resolves its typed payload", async () => {
    const answer = deferred<TicketClaimMutation>();
    const { wrapper, callsOf } = withClient({ TicketClaim: () => answer.promise });
    const { result } = renderHook(() => useMutation(TicketClaimDocument), { wrapper });

    expect(result.current[1].busy).toBe(false);

    let running!: ReturnType<(typeof result.current)[0]>;

    act(() => {
      running = result.current[0]({ id: "Ticket:1" });
    });
    await waitFor(() => expect(result.current[1].busy).toBe(true));
    expect(callsOf("TicketClaim")).toStrictEqual([
      { operation: "TicketClaim", variables: { id: "Ticket:1" } },
    ]);

    answer.resolve(claimed);
    const outcome = await act(() => running);

    expect(outcome.status).toBe("done");
    // The payload is the root field, typed: its ticket is there without a cast.
    expect(outcome.status === "done" && outcome.payload.ticket?.assignee?.email).toBe(
      "anna@example.com",
    );
    expect(outcome.problem).toBeNull();
    expect(result.current[1]).toStrictEqual({ busy: false, errors: [], problem: null });
  });

  it("surfaces the helpdesk's typed errors with field, code and message, and as one line", async () => {
    const { wrapper } = withClient({
      TicketClaim: () => ({
        ticketClaim: {
          errors: [
            { field: "id", code: "NOT_FOUND", message: "No such ticket." },
            { field: null, code: "PERMISSION_DENIED", message: "You may not claim tickets." },
          ],
          ticket: null,
        },
      }),
    });
    const { result } = renderHook(() => useMutation(TicketClaimDocument), { wrapper });

    const outcome = await act(() => result.current[0]({ id: "Ticket:9" }));

    const errors = [
      { field: "id", code: "NOT_FOUND", message: "No such ticket." },
      { field: null, code: "PERMISSION_DENIED", message: "You may not claim tickets." },
    ];

    expect(outcome).toStrictEqual({
      status: "refused",
      payload: { errors, ticket: null },
      errors,
      problem: "id: No such ticket.; You may not claim tickets.",
    });
    expect(result.current[1]).toStrictEqual({
      busy: false,
      errors,
      problem: "id: No such ticket.; You may not claim tickets.",
    });
  });

  it("turns a failed request into an error without a field, and a missing payload into a refusal", async () => {
    let answer: () => unknown = () => {
      throw new ApiError("graphql", "Cannot query field", { status: 400 });
    };
    const { wrapper } = withClient({ TicketClaim: () => answer() });
    const { result } = renderHook(() => useMutation(TicketClaimDocument), { wrapper });

    const failed = await act(() => result.current[0]({ id: "Ticket:1" }));

    expect(failed).toStrictEqual({
      status: "failed",
      payload: null,
      errors: [{ field: null, code: null, message: "Cannot query field" }],
      problem: "Cannot query field",
    });
    expect(result.current[1].problem).toBe("Cannot query field");

    answer = () => ({ ticketClaim: null });
    const empty = await act(() => result.current[0]({ id: "Ticket:1" }));

    expect(empty).toMatchObject({ status: "refused", payload: null, problem: "No answer" });

    // A later success clears what the last run refused.
    answer = () => claimed;
    await act(() => result.current[0]({ id: "Ticket:1" }));
    expect(result.current[1]).toStrictEqual({ busy: false, errors: [], problem: null });
  });
});

describe("useLazyQuery", () => {
  it("runs the query when asked and resolves its data or the problem", async () => {
    let answer: () => unknown = () => ({ nextUnansweredTicket: { id: "Ticket:7", number: 10007 } });
    const { wrapper, calls } = withClient({ NextUnansweredTicket: () => answer() });
    const { result } = renderHook(() => useLazyQuery(NextUnansweredTicketDocument), { wrapper });

    expect(calls).toStrictEqual([]);

    const found = await act(() => result.current[0]({}));

    expect(found).toStrictEqual({
      status: "done",
      data: { nextUnansweredTicket: { id: "Ticket:7", number: 10007 } },
      problem: null,
    });

    answer = () => {
      throw new ApiError("network", "Failed to fetch");
    };
    const failed = await act(() => result.current[0]({}));

    expect(failed).toStrictEqual({ status: "failed", data: null, problem: "Failed to fetch" });
    expect(result.current[1]).toStrictEqual({ busy: false, problem: "Failed to fetch" });
  });
});
