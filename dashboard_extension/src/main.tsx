import "@saleor/macaw-ui/style";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { connectToDashboard } from "./host/dashboard";
import { isInIframe } from "./host/host";
import { DashboardRoot, StandaloneRoot } from "./Root";

const container = document.getElementById("root");

if (!container) throw new Error("#root is missing");

createRoot(container).render(
  <StrictMode>
    {isInIframe() ? <DashboardRoot connection={connectToDashboard()} /> : <StandaloneRoot />}
  </StrictMode>,
);
