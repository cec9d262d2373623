/*
 * The privacy screens' strings: export and erasure (customer widget, settings) and the
 * retention settings (spread into the dictionary in src/i18n/messages.ts).
 */

export const privacyEn = {
  "privacy.title": "Privacy",
  "privacy.actionsTitle": "Personal data",
  "privacy.export": "Export data",
  "privacy.exporting": "Exporting…",
  "privacy.exported": "Export downloaded: {filename}",
  "privacy.exportFailed": "Not exported: {message}",
  "privacy.erase": "Erase personal data",
  "privacy.eraseTitle": "Erase personal data",
  "privacy.eraseOf": "For: {who}",
  "privacy.eraseWhat": "This erases, from every ticket of this person in every channel:",
  "privacy.eraseItemNames": "their name, e-mail address and addresses, and the tickets' subjects;",
  "privacy.eraseItemMessages": "their messages and complaint texts;",
  "privacy.eraseItemFiles": "every file attached to those tickets (deleted from storage);",
  "privacy.eraseItemEmails":
    "the e-mails sent or waiting to be sent about them, and the webhook deliveries about those tickets.",
  "privacy.eraseKeeps":
    "The tickets stay, anonymised, for the statistics; each shows “personal data erased” in its history.",
  "privacy.eraseIrreversible":
    "This cannot be undone. Export the data first if the person asked for a copy.",
  "privacy.eraseConfirmCheck": "I understand that this erases the data for good",
  "privacy.eraseConfirm": "Erase for good",
  "privacy.erasing": "Erasing…",
  "privacy.erased": "Personal data erased",
  "privacy.eraseFailed": "Not erased: {message}",
  "privacy.nothingToErase":
    "The helpdesk holds no personal data of this person (any more): nothing was erased.",
  "privacy.erasedCounts":
    "Erased: {tickets} tickets anonymised, {attachments} files deleted, {emails} e-mails and {deliveries} webhook deliveries removed.",
  "privacy.permissionDenied":
    "You may not do this: {message} Ask an administrator for the permissions it needs.",
  "privacy.needsPermissions":
    "Export needs the permissions to manage users and orders; erasure needs the permission to manage users.",
  "privacy.customer": "this customer",
  "privacy.guestTitle": "Export or erase by e-mail address",
  "privacy.guestIntro":
    "For guests (who have no account) and for requests that came by e-mail: everything the helpdesk holds under this address.",
  "privacy.guestEmail": "E-mail address",
  "privacy.guestEmailMissing": "Enter an e-mail address first.",
  "privacy.exportConfirmTitle": "Export personal data",
  "privacy.exportConfirmText":
    "Download a zip of everything the helpdesk holds about {who}: tickets, messages, complaint texts, files and e-mails. Hand it only to that person.",
  "privacy.exportConfirm": "Download",
  "privacy.retentionTitle": "Retention",
  "privacy.retentionIntro":
    "How long closed tickets and their files are kept. The retention task applies them each time it runs (the shop schedules it, e.g. daily: see the helpdesk's README, Privacy); “Preview” shows what it would do now, before you save.",
  "privacy.retentionFor": "Retention: {name}",
  "privacy.ticketRetentionMonths": "Keep closed tickets for (months)",
  "privacy.ticketRetentionMonthsHint": "1 to 360; empty: kept for ever.",
  "privacy.ticketRetentionAction": "Then",
  "privacy.action.ANONYMIZE": "anonymise (erase the personal data, keep the ticket for statistics)",
  "privacy.action.DELETE": "delete the ticket",
  "privacy.attachmentRetentionMonths": "Keep files of closed tickets for (months)",
  "privacy.attachmentRetentionMonthsHint": "1 to 360; empty: kept as long as the ticket.",
  "privacy.preview": "Preview",
  "privacy.previewing": "Counting…",
  "privacy.previewTitle": "If this ran now, over the whole shop:",
  "privacy.previewCounts":
    "{anonymize} tickets anonymised, {delete} tickets deleted, {attachments} files removed.",
  "privacy.previewStale": "The settings changed since the preview: preview again.",
  "privacy.previewFailed": "No preview: {message}",
  "privacy.saveConfirmTitle": "Save the retention settings?",
  "privacy.saveConfirmText":
    "With these settings the next run erases data at once: {anonymize} tickets anonymised, {delete} tickets deleted, {attachments} files removed. This cannot be undone.",
  "privacy.saveConfirm": "Save anyway",
} as const;

export const privacyDe: { readonly [K in keyof typeof privacyEn]: string } = {
  "privacy.title": "Datenschutz",
  "privacy.actionsTitle": "Personenbezogene Daten",
  "privacy.export": "Daten exportieren",
  "privacy.exporting": "Wird exportiert …",
  "privacy.exported": "Export heruntergeladen: {filename}",
  "privacy.exportFailed": "Nicht exportiert: {message}",
  "privacy.erase": "Personenbezogene Daten löschen",
  "privacy.eraseTitle": "Personenbezogene Daten löschen",
  "privacy.eraseOf": "Für: {who}",
  "privacy.eraseWhat": "Gelöscht wird, aus jedem Ticket dieser Person in jedem Kanal:",
  "privacy.eraseItemNames":
    "Name, E-Mail-Adresse und Anschriften sowie die Betreffzeilen der Tickets;",
  "privacy.eraseItemMessages": "ihre Nachrichten und Reklamationstexte;",
  "privacy.eraseItemFiles": "jede Datei dieser Tickets (aus dem Speicher gelöscht);",
  "privacy.eraseItemEmails":
    "die gesendeten oder wartenden E-Mails an sie und die Webhook-Zustellungen zu diesen Tickets.",
  "privacy.eraseKeeps":
    "Die Tickets bleiben anonymisiert für die Statistik erhalten; jedes zeigt „Personenbezogene Daten gelöscht“ in seinem Verlauf.",
  "privacy.eraseIrreversible":
    "Das lässt sich nicht rückgängig machen. Exportieren Sie die Daten vorher, wenn die Person eine Kopie verlangt hat.",
  "privacy.eraseConfirmCheck": "Mir ist klar, dass die Daten endgültig gelöscht werden",
  "privacy.eraseConfirm": "Endgültig löschen",
  "privacy.erasing": "Wird gelöscht …",
  "privacy.erased": "Personenbezogene Daten gelöscht",
  "privacy.eraseFailed": "Nicht gelöscht: {message}",
  "privacy.nothingToErase":
    "Der Helpdesk hat keine personenbezogenen Daten dieser Person (mehr): es wurde nichts gelöscht.",
  "privacy.erasedCounts":
    "Gelöscht: {tickets} Tickets anonymisiert, {attachments} Dateien gelöscht, {emails} E-Mails und {deliveries} Webhook-Zustellungen entfernt.",
  "privacy.permissionDenied":
    "Das dürfen Sie nicht: {message} Bitten Sie einen Administrator um die nötigen Berechtigungen.",
  "privacy.needsPermissions":
    "Der Export braucht die Berechtigungen, Benutzer und Bestellungen zu verwalten; das Löschen die Berechtigung, Benutzer zu verwalten.",
  "privacy.customer": "diesen Kunden",
  "privacy.guestTitle": "Nach E-Mail-Adresse exportieren oder löschen",
  "privacy.guestIntro":
    "Für Gäste (ohne Kundenkonto) und Anfragen per E-Mail: alles, was der Helpdesk unter dieser Adresse hat.",
  "privacy.guestEmail": "E-Mail-Adresse",
  "privacy.guestEmailMissing": "Geben Sie zuerst eine E-Mail-Adresse ein.",
  "privacy.exportConfirmTitle": "Personenbezogene Daten exportieren",
  "privacy.exportConfirmText":
    "Ein Zip mit allem herunterladen, was der Helpdesk über {who} hat: Tickets, Nachrichten, Reklamationstexte, Dateien und E-Mails. Geben Sie es nur dieser Person.",
  "privacy.exportConfirm": "Herunterladen",
  "privacy.retentionTitle": "Aufbewahrung",
  "privacy.retentionIntro":
    "Wie lange geschlossene Tickets und ihre Dateien aufbewahrt werden. Die Aufbewahrungsaufgabe wendet sie bei jedem Lauf an (der Shop plant sie ein, z. B. täglich: siehe README des Helpdesks, Datenschutz); „Vorschau“ zeigt vor dem Speichern, was sie jetzt täte.",
  "privacy.retentionFor": "Aufbewahrung: {name}",
  "privacy.ticketRetentionMonths": "Geschlossene Tickets aufbewahren (Monate)",
  "privacy.ticketRetentionMonthsHint": "1 bis 360; leer: für immer.",
  "privacy.ticketRetentionAction": "Danach",
  "privacy.action.ANONYMIZE":
    "anonymisieren (personenbezogene Daten löschen, Ticket für die Statistik behalten)",
  "privacy.action.DELETE": "Ticket löschen",
  "privacy.attachmentRetentionMonths": "Dateien geschlossener Tickets aufbewahren (Monate)",
  "privacy.attachmentRetentionMonthsHint": "1 bis 360; leer: so lange wie das Ticket.",
  "privacy.preview": "Vorschau",
  "privacy.previewing": "Wird gezählt …",
  "privacy.previewTitle": "Liefe es jetzt, im ganzen Shop:",
  "privacy.previewCounts":
    "{anonymize} Tickets anonymisiert, {delete} Tickets gelöscht, {attachments} Dateien entfernt.",
  "privacy.previewStale":
    "Die Einstellungen haben sich seit der Vorschau geändert: erneut Vorschau anzeigen.",
  "privacy.previewFailed": "Keine Vorschau: {message}",
  "privacy.saveConfirmTitle": "Aufbewahrung speichern?",
  "privacy.saveConfirmText":
    "Mit diesen Einstellungen löscht der nächste Lauf sofort Daten: {anonymize} Tickets anonymisiert, {delete} Tickets gelöscht, {attachments} Dateien entfernt. Das lässt sich nicht rückgängig machen.",
  "privacy.saveConfirm": "Trotzdem speichern",
};
