import { Box, Text } from "@saleor/macaw-ui";
import { useEffect } from "react";

import { dashboardPathOf } from "./host/dashboard";
import { useHost } from "./host/host";
import { useI18n } from "./i18n";
import { navigate, useRoute } from "./router";
import { Inbox } from "./screens/inbox/Inbox";
import { TicketPage } from "./screens/ticket/TicketPage";
import { CustomerWidget, OrderWidget } from "./screens/widgets/Widgets";
import { SettingsPage } from "./settings/SettingsPage";
import { StatisticsPage } from "./statistics/StatisticsPage";

export function Screens() {
  const route = useRoute();
  const host = useHost();
  const { t } = useI18n();
  const { path } = route;

  useEffect(() => {
    if (path === "/") navigate("/inbox", undefined, { replace: true });
  }, [path]);

  // Keep the Dashboard's URL on the screen shown, so a reload or a link opens it again.
  const showRoute = host.showRoute;

  useEffect(() => {
    const dashboardPath = dashboardPathOf(path);

    if (showRoute && dashboardPath) showRoute(dashboardPath);
  }, [path, showRoute]);

  if (path === "/" || path === "/inbox") return <Inbox route={route} />;
  const ticket = path.match(/^\/tickets\/([^/]+)$/);

  if (ticket) return <TicketPage id={decodeURIComponent(ticket[1]!)} route={route} />;
  if (path === "/order-widget") return <OrderWidget route={route} />;
  if (path === "/customer-widget") return <CustomerWidget route={route} />;
  if (path === "/settings" || path.startsWith("/settings/")) return <SettingsPage route={route} />;
  if (path === "/statistics") return <StatisticsPage route={route} />;

  return (
    <Box padding={6} display="flex" flexDirection="column" gap={2}>
      <Text>{t("app.notFound")}</Text>
      <a href="#/inbox">{t("app.backToInbox")}</a>
    </Box>
  );
}
