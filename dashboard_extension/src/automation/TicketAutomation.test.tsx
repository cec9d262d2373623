import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { createFakeClient } from "../test/fakeClient";
import { renderApp } from "../test/render";
import { TicketAutomation } from "./TicketAutomation";

const vip = { id: "HelpdeskTag:1", name: "VIP", slug: "vip", colour: "#d97706" };
const replacement = {
  id: "HelpdeskTag:2",
  name: "Replacement",
  slug: "replacement",
  colour: "#2563eb",
};

function setup(lang: "en" | "de" = "en") {
  let tags = [vip];
  const fake = createFakeClient({
    TicketTagsAndMacros: () => ({
      ticket: { id: "Ticket:1", tags },
      helpdeskTags: [vip, replacement],
      helpdeskMacros: [{ id: "HelpdeskMacro:1", name: "Replacement sent", isActive: true }],
    }),
    TicketTagsUpdate: (v) => {
      const add = (v.add as string[] | undefined) ?? [];
      const remove = (v.remove as string[] | undefined) ?? [];

      tags = [
        ...tags.filter((t) => !remove.includes(t.slug)),
        ...[replacement].filter((t) => add.includes(t.slug)),
      ];

      return { ticketTagsUpdate: { errors: [], ticket: { id: "Ticket:1", tags } } };
    },
    TicketMacroPreview: () => ({
      helpdeskMacroPreview: {
        subject: "Ihr Ersatz",
        body: "<p>Hallo Anna, der Ersatz ist unterwegs.</p>",
        internal: false,
      },
    }),
    TicketMacroApply: () => {
      tags = [vip, replacement];

      return { helpdeskMacroApply: { errors: [], ticket: { id: "Ticket:1", tags } } };
    },
  });
  const onChanged = vi.fn();
  const view = renderApp(<TicketAutomation ticketId="Ticket:1" onChanged={onChanged} />, {
    client: fake.client,
    lang,
  });

  return { ...fake, onChanged, ...view };
}

describe("ticket tags and macros", () => {
  it("shows the ticket's tags and takes one off", async () => {
    const { calls } = setup();

    await screen.findByText("VIP");
    await userEvent.click(screen.getByRole("button", { name: "Remove the tag VIP" }));
    await waitFor(() =>
      expect(calls.find((c) => c.operation === "TicketTagsUpdate")?.variables).toStrictEqual({
        id: "Ticket:1",
        remove: ["vip"],
      }),
    );
    expect(await screen.findByText("No tags.")).toBeInTheDocument();
  });

  it("previews a macro before applying it, then applies it once", async () => {
    const { calls, onChanged, host } = setup();

    await screen.findByText("VIP");
    await userEvent.selectOptions(screen.getByLabelText("Macro"), "HelpdeskMacro:1");
    const preview = await screen.findByTestId("macro-preview");

    expect(preview).toHaveTextContent("Hallo Anna, der Ersatz ist unterwegs.");
    expect(calls.some((c) => c.operation === "TicketMacroApply")).toBe(false);

    await userEvent.click(screen.getByRole("button", { name: "Apply macro" }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(calls.filter((c) => c.operation === "TicketMacroApply")).toStrictEqual([
      {
        operation: "TicketMacroApply",
        variables: { ticket: "Ticket:1", macro: "HelpdeskMacro:1" },
      },
    ]);
    expect(host.notify).toHaveBeenCalledWith({ status: "success", title: "Macro applied" });
  });

  it("speaks German", async () => {
    setup("de");
    expect(await screen.findByText("Schlagwörter")).toBeInTheDocument();
    expect(screen.getByLabelText("Makro")).toBeInTheDocument();
  });
});
