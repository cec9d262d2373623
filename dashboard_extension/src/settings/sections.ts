/*
 * The settings sections, in the order of the settings navigation; a plain module so the
 * end-to-end test can visit each one without loading the screens.
 */
export const SETTINGS_SECTIONS = [
  "statuses",
  "priorities",
  "categories",
  "contacts",
  "templates",
  "team",
  "emails",
  "mailboxes",
  "webhooks",
  "channels",
  "refund-reasons",
  "privacy",
  "contracts",
  "rules",
  "macros",
  "tags",
  "service-levels",
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];
