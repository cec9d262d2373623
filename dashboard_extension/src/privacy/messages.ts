// The privacy actions' strings (spread into the dictionary in src/i18n/messages.ts).

export const privacyEn = {
  "privacy.title": "Privacy",
  "privacy.intro": "Export or erase what the helpdesk holds about one customer or guest (GDPR art. 15, 17, 20).",
  "privacy.email": "Customer's or guest's e-mail address",
  "privacy.export": "Export data",
  "privacy.exportTitle": "Export this person's helpdesk data",
  "privacy.exportText":
    "Downloads a zip with every ticket, message (internal notes included, marked as such), file, e-mail and timeline entry about this person. Review it before handing it over. Needs MANAGE_USERS and MANAGE_ORDERS.",
  "privacy.exportConfirm": "Download",
  "privacy.exported": "Export downloaded",
  "privacy.erase": "Erase data",
  "privacy.eraseTitle": "Erase this person's helpdesk data",
  "privacy.eraseText":
    "Erases name, addresses, subjects, their messages and complaint texts, every file on their tickets, and the e-mails and webhook deliveries about them. The tickets stay, anonymised, for statistics. This cannot be undone.",
  "privacy.eraseUnderstood": "I understand that this cannot be undone",
  "privacy.eraseConfirm": "Erase for good",
  "privacy.erased": "Erased: {tickets} ticket(s), {files} file(s), {emails} e-mail(s), {deliveries} webhook deliveries",
  "privacy.nothingToErase": "The helpdesk holds nothing about this person (any more).",
  "privacy.cancel": "Cancel",
};

export const privacyDe: { readonly [K in keyof typeof privacyEn]: string } = {
  "privacy.title": "Datenschutz",
  "privacy.intro": "Daten einer Kundin, eines Kunden oder Gastes im Helpdesk exportieren oder löschen (DSGVO Art. 15, 17, 20).",
  "privacy.email": "E-Mail-Adresse des Kunden oder Gastes",
  "privacy.export": "Daten exportieren",
  "privacy.exportTitle": "Helpdesk-Daten dieser Person exportieren",
  "privacy.exportText":
    "Lädt ein Zip mit allen Tickets, Nachrichten (interne Notizen gekennzeichnet), Dateien, E-Mails und Verlaufseinträgen zu dieser Person herunter. Vor der Herausgabe prüfen. Erfordert MANAGE_USERS und MANAGE_ORDERS.",
  "privacy.exportConfirm": "Herunterladen",
  "privacy.exported": "Export heruntergeladen",
  "privacy.erase": "Daten löschen",
  "privacy.eraseTitle": "Helpdesk-Daten dieser Person löschen",
  "privacy.eraseText":
    "Löscht Name, Adressen, Betreffzeilen, die eigenen Nachrichten und Reklamationstexte, alle Dateien der Tickets sowie die E-Mails und Webhook-Zustellungen dazu. Die Tickets bleiben anonymisiert für die Statistik. Das lässt sich nicht rückgängig machen.",
  "privacy.eraseUnderstood": "Mir ist klar, dass das nicht rückgängig zu machen ist",
  "privacy.eraseConfirm": "Endgültig löschen",
  "privacy.erased": "Gelöscht: {tickets} Ticket(s), {files} Datei(en), {emails} E-Mail(s), {deliveries} Webhook-Zustellungen",
  "privacy.nothingToErase": "Der Helpdesk hat keine Daten (mehr) zu dieser Person.",
  "privacy.cancel": "Abbrechen",
};
