import { automationDe, automationEn } from "../automation/messages";
import { effortDe, effortEn } from "../effort/messages";
import { mailDe, mailEn } from "../mail/messages";
import { privacyDe, privacyEn } from "../privacy/messages";
import { satisfactionDe, satisfactionEn } from "../satisfaction/messages";
import { inboxDe, inboxEn } from "../screens/inbox/messages";
import { ticketDe, ticketEn } from "../screens/ticket/messages";
import { widgetsDe, widgetsEn } from "../screens/widgets/messages";
import { settingsDe, settingsEn } from "../settings/messages";
import { slaDe, slaEn } from "../sla/messages";
import { statisticsDe, statisticsEn } from "../statistics/messages";

/*
 * Every UI string, in English and German: each screen's own strings live next to it
 * (`messages.ts` beside the screen) and are spread in here; what the whole app shares
 * (its frame, login, states, dialogs, and the labels of ticket kinds and complaint
 * reasons) is below. `de` must have exactly the keys of `en` (the type checker
 * enforces it). Placeholders are written {name}.
 */

export const en = {
  ...settingsEn,
  ...statisticsEn,
  ...privacyEn,
  ...inboxEn,
  ...ticketEn,
  ...widgetsEn,
  ...mailEn,
  ...effortEn,
  ...automationEn,
  ...satisfactionEn,
  ...slaEn,
  "app.title": "Helpdesk",
  "app.language": "Language",
  "app.logout": "Log out",
  "app.notFound": "This page does not exist.",
  "app.backToInbox": "Back to the inbox",
  "app.settingsPlaceholder": "Settings are not part of this extension yet.",
  "app.statisticsPlaceholder": "Statistics are not part of this extension yet.",

  "login.title": "Helpdesk demo login",
  "login.intro": "Sign in with a staff account of the demo shop.",
  "login.email": "E-mail",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.busy": "Signing in…",
  "login.failed": "Sign-in failed: {message}",

  "state.loading": "Loading…",
  "state.error": "Something went wrong: {message}",
  "state.retry": "Try again",
  "state.saved": "Saved",
  "state.saving": "Saving…",
  "state.saveFailed": "Not saved: {message}",
  "state.unauthorized": "Your session has expired. Sign in again.",

  "kind.QUESTION": "Question",
  "kind.COMPLAINT": "Complaint",
  "kind.REFUND_REQUEST": "Refund request",
  "kind.ORDER_PROBLEM": "Order problem",
  "kind.OTHER": "Other",

  "reason.DEFECTIVE": "Defective",
  "reason.DAMAGED_IN_TRANSIT": "Damaged in transit",
  "reason.WRONG_ITEM": "Wrong item",
  "reason.MISSING_ITEM": "Missing item",
  "reason.NOT_AS_DESCRIBED": "Not as described",
  "reason.NOT_DELIVERED": "Not delivered",
  "reason.OTHER": "Other",

  "dialog.cancel": "Cancel",
  "dialog.close": "Close",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };

export const de: Messages = {
  ...settingsDe,
  ...statisticsDe,
  ...privacyDe,
  ...inboxDe,
  ...ticketDe,
  ...widgetsDe,
  ...mailDe,
  ...effortDe,
  ...automationDe,
  ...satisfactionDe,
  ...slaDe,
  "app.title": "Helpdesk",
  "app.language": "Sprache",
  "app.logout": "Abmelden",
  "app.notFound": "Diese Seite gibt es nicht.",
  "app.backToInbox": "Zurück zur Ticket-Übersicht",
  "app.settingsPlaceholder": "Die Einstellungen sind noch nicht Teil dieser Erweiterung.",
  "app.statisticsPlaceholder": "Die Statistik ist noch nicht Teil dieser Erweiterung.",

  "login.title": "Helpdesk-Demo: Anmeldung",
  "login.intro": "Melde dich mit einem Mitarbeiterkonto des Demo-Shops an.",
  "login.email": "E-Mail",
  "login.password": "Passwort",
  "login.submit": "Anmelden",
  "login.busy": "Anmeldung läuft…",
  "login.failed": "Anmeldung fehlgeschlagen: {message}",

  "state.loading": "Wird geladen…",
  "state.error": "Etwas ist schiefgegangen: {message}",
  "state.retry": "Erneut versuchen",
  "state.saved": "Gespeichert",
  "state.saving": "Wird gespeichert…",
  "state.saveFailed": "Nicht gespeichert: {message}",
  "state.unauthorized": "Deine Sitzung ist abgelaufen. Bitte melde dich erneut an.",

  "kind.QUESTION": "Frage",
  "kind.COMPLAINT": "Reklamation",
  "kind.REFUND_REQUEST": "Rückerstattungsantrag",
  "kind.ORDER_PROBLEM": "Problem mit der Bestellung",
  "kind.OTHER": "Sonstiges",

  "reason.DEFECTIVE": "Defekt",
  "reason.DAMAGED_IN_TRANSIT": "Transportschaden",
  "reason.WRONG_ITEM": "Falscher Artikel",
  "reason.MISSING_ITEM": "Artikel fehlt",
  "reason.NOT_AS_DESCRIBED": "Nicht wie beschrieben",
  "reason.NOT_DELIVERED": "Nicht geliefert",
  "reason.OTHER": "Sonstiges",

  "dialog.cancel": "Abbrechen",
  "dialog.close": "Schließen",
};
