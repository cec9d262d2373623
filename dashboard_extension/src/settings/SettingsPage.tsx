import { Box, Text } from "@saleor/macaw-ui";

import { MacrosSettings, RulesSettings, TagsSettings } from "../automation/AutomationSettings";
import { ContractsManager } from "../effort/ContractsManager";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/messages";
import { MailboxDetail } from "../mail/MailboxDetail";
import { MailboxesSettings } from "../mail/MailboxesSettings";
import type { Route } from "../router";
import { ServiceLevelsSettings } from "../sla/ServiceLevelsSettings";
import { EmptyState } from "../ui/StateViews";
import { ChannelSettingsScreen } from "./Channels";
import { EmailTemplatesSettings } from "./Emails";
import { PrivacySettings } from "./Privacy";
import { RefundReasonsSettings } from "./RefundReasons";
import { ResponseTemplatesSettings } from "./ResponseTemplates";
import { SETTINGS_SECTIONS, type SettingsSection } from "./sections";
import { TeamSettings } from "./Team";
import { WebhookDetail, WebhooksSettings } from "./Webhooks";
import {
  CategoriesSettings,
  ContactsSettings,
  PrioritiesSettings,
  StatusesSettings,
} from "./Workflow";

/*
 * #/settings                      → statuses (the first section)
 * #/settings/<section>            → one section
 * #/settings/webhooks/<id>        → one webhook subscription with its delivery log
 * #/settings/mailboxes/<id>       → one mailbox with its messages to review
 */
export { SETTINGS_SECTIONS, type SettingsSection } from "./sections";

const TITLES: Record<SettingsSection, MessageKey> = {
  statuses: "settings.statuses",
  priorities: "settings.priorities",
  categories: "settings.categories",
  contacts: "settings.contacts",
  templates: "settings.templates",
  team: "settings.team",
  emails: "settings.emails",
  mailboxes: "mail.section",
  webhooks: "settings.webhooks",
  channels: "settings.channels",
  "refund-reasons": "settings.refundReasons",
  privacy: "privacy.title",
  contracts: "contracts.title",
  rules: "settings.rules",
  macros: "settings.macros",
  tags: "settings.tags",
  "service-levels": "sla.settings.section",
};

/** Sections whose sub-path names one item (`/settings/webhooks/<id>`). */
const WITH_ITEMS: readonly SettingsSection[] = ["webhooks", "mailboxes"];

/** `/settings/webhooks/abc` → { section: "webhooks", id: "abc" }; unknown sections → null. */
export function parseSettingsPath(
  path: string,
): { section: SettingsSection; id: string | null } | null {
  const parts = path.split("/").filter(Boolean);

  if (parts[0] !== "settings") return null;
  const section = (parts[1] ?? "statuses") as SettingsSection;

  if (!SETTINGS_SECTIONS.includes(section)) return null;
  if (parts.length > 3 || (parts[2] && !WITH_ITEMS.includes(section))) return null;

  return { section, id: parts[2] ? decodeURIComponent(parts[2]) : null };
}

export function SettingsPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const parsed = parseSettingsPath(route.path);

  return (
    <Box padding={6} display="flex" flexDirection="column" gap={4}>
      <Text as="h1" size={8} fontWeight="bold">
        {t("settings.title")}
      </Text>
      <Box display="flex" gap={6} flexWrap="wrap" alignItems="flex-start">
        <Box as="nav" aria-label={t("settings.sections")} __minWidth="180px">
          <Box
            as="ul"
            display="flex"
            flexDirection="column"
            gap={1}
            padding={0}
            margin={0}
            style={{ listStyle: "none" }}
          >
            {SETTINGS_SECTIONS.map((section) => {
              const current = parsed?.section === section;

              return (
                <li key={section}>
                  <Box
                    as="a"
                    href={`#/settings/${section}`}
                    aria-current={current ? "page" : undefined}
                    display="block"
                    paddingX={3}
                    paddingY={2}
                    borderRadius={3}
                    backgroundColor={current ? "default1Pressed" : undefined}
                    color="default1"
                    fontWeight={current ? "bold" : "regular"}
                    __textDecoration="none"
                  >
                    {t(TITLES[section])}
                  </Box>
                </li>
              );
            })}
          </Box>
        </Box>
        <Box as="main" __flex="1 1 560px" __minWidth="0">
          <SettingsSectionView route={route} parsed={parsed} />
        </Box>
      </Box>
    </Box>
  );
}

function SettingsSectionView({
  route,
  parsed,
}: {
  route: Route;
  parsed: ReturnType<typeof parseSettingsPath>;
}) {
  const { t } = useI18n();

  if (!parsed) return <EmptyState title={t("app.notFound")} />;
  switch (parsed.section) {
    case "statuses":
      return <StatusesSettings />;
    case "priorities":
      return <PrioritiesSettings />;
    case "categories":
      return <CategoriesSettings />;
    case "contacts":
      return <ContactsSettings />;
    case "templates":
      return <ResponseTemplatesSettings />;
    case "team":
      return <TeamSettings />;
    case "emails":
      return <EmailTemplatesSettings />;
    case "webhooks":
      return parsed.id ? <WebhookDetail id={parsed.id} /> : <WebhooksSettings />;
    case "mailboxes":
      return parsed.id ? <MailboxDetail id={parsed.id} /> : <MailboxesSettings />;
    case "channels":
      return <ChannelSettingsScreen route={route} />;
    case "refund-reasons":
      return <RefundReasonsSettings />;
    case "privacy":
      return <PrivacySettings route={route} />;
    case "contracts":
      return <ContractsManager />;
    case "rules":
      return <RulesSettings />;
    case "macros":
      return <MacrosSettings />;
    case "tags":
      return <TagsSettings />;
    case "service-levels":
      return <ServiceLevelsSettings />;
  }
}
