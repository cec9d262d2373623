import { Box, ThemeProvider, useTheme } from "@saleor/macaw-ui";
import { type ReactNode, useEffect } from "react";

import type { HelpdeskClient } from "./api/client";
import { ClientProvider } from "./api/context";
import { type Host, HostProvider } from "./host/host";
import { I18nProvider, type Lang } from "./i18n";
import { Screens } from "./Screens";

export type Theme = "light" | "dark";

function ThemeSync({ theme }: { theme: Theme }) {
  const { setTheme } = useTheme();

  useEffect(() => {
    setTheme(theme === "dark" ? "defaultDark" : "defaultLight");
  }, [theme, setTheme]);

  return null;
}

/** Providers every screen needs; tests render screens through this with a fake client. */
export function AppProviders({
  client,
  host,
  lang,
  theme = "light",
  children,
}: {
  client: HelpdeskClient;
  host: Host;
  lang: Lang;
  theme?: Theme;
  children: ReactNode;
}) {
  return (
    <ThemeProvider defaultTheme={theme === "dark" ? "defaultDark" : "defaultLight"}>
      <ThemeSync theme={theme} />
      <I18nProvider lang={lang}>
        <HostProvider host={host}>
          <ClientProvider client={client}>
            <Box backgroundColor="default1" color="default1" __minHeight="100%">
              {children}
            </Box>
          </ClientProvider>
        </HostProvider>
      </I18nProvider>
    </ThemeProvider>
  );
}

export function App(props: {
  client: HelpdeskClient;
  host: Host;
  lang: Lang;
  theme?: Theme;
  header?: ReactNode;
}) {
  return (
    <AppProviders {...props}>
      {props.header}
      <Screens />
    </AppProviders>
  );
}
