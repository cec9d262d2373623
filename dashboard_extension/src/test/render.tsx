import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { vi } from "vitest";

import type { HelpdeskClient } from "../api/client";
import { AppProviders } from "../App";
import type { Host } from "../host/host";
import type { Lang } from "../i18n";

export function makeHost(
  overrides: Partial<Host> = {},
): Host & { notify: ReturnType<typeof vi.fn> } {
  return { mode: "dashboard", notify: vi.fn(), openDashboard: vi.fn(), ...overrides } as Host & {
    notify: ReturnType<typeof vi.fn>;
  };
}

export function renderApp(
  ui: ReactElement,
  { client, host = makeHost(), lang = "en" }: { client: HelpdeskClient; host?: Host; lang?: Lang },
) {
  const result = render(
    <AppProviders client={client} host={host} lang={lang}>
      {ui}
    </AppProviders>,
  );

  return {
    ...result,
    host,
    rerenderWith: (next: { lang?: Lang }) =>
      result.rerender(
        <AppProviders client={client} host={host} lang={next.lang ?? lang}>
          {ui}
        </AppProviders>,
      ),
  };
}
