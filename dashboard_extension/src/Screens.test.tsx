import { act, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { Screens } from "./Screens";
import { createFakeClient } from "./test/fakeClient";
import { makeHost, renderApp } from "./test/render";

describe("Screens on the Dashboard's app page", () => {
  it("keep the Dashboard's URL on the inbox or the ticket shown", async () => {
    // No answers needed: the screens' data does not matter here, only where they are.
    const fake = createFakeClient({});
    const host = makeHost({ showRoute: vi.fn() });

    window.location.hash = "#/inbox?tab=closed";
    renderApp(<Screens />, { client: fake.client, host });
    await waitFor(() => expect(host.showRoute).toHaveBeenLastCalledWith("/inbox"));

    await act(async () => {
      window.location.hash = "#/tickets/VGlja2V0OjE%3D?back=%23%2Finbox";
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    });
    await waitFor(() => expect(host.showRoute).toHaveBeenLastCalledWith("/tickets/VGlja2V0OjE%3D"));

    // Screens the Dashboard cannot open by path leave its URL alone.
    const calls = vi.mocked(host.showRoute!).mock.calls.length;

    await act(async () => {
      window.location.hash = "#/statistics";
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    });
    expect(host.showRoute).toHaveBeenCalledTimes(calls);
    window.location.hash = "";
  });
});
