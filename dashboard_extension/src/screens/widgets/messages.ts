// The order and customer widgets' strings, spread into the dictionary in src/i18n/messages.ts.

export const widgetsEn = {
  "widget.orderTitle": "Support tickets of this order",
  "widget.customerTitle": "Support tickets of this customer",
  "widget.empty": "No tickets yet.",
  "widget.newTicket": "New ticket",
  "widget.missingId": "This widget needs {param} in its URL.",
  "widget.openInbox": "Open in the helpdesk",
  "new.title": "New ticket",
  "new.subject": "Subject",
  "new.body": "First message",
  "new.kind": "Kind",
  "new.channel": "Channel",
  "new.customerEmail": "Customer e-mail",
  "new.submit": "Create ticket",
  "new.created": "Ticket #{number} created.",
} as const;

export const widgetsDe: { readonly [K in keyof typeof widgetsEn]: string } = {
  "widget.orderTitle": "Support-Tickets dieser Bestellung",
  "widget.customerTitle": "Support-Tickets dieses Kunden",
  "widget.empty": "Noch keine Tickets.",
  "widget.newTicket": "Neues Ticket",
  "widget.missingId": "Dieses Widget braucht {param} in seiner URL.",
  "widget.openInbox": "Im Helpdesk öffnen",
  "new.title": "Neues Ticket",
  "new.subject": "Betreff",
  "new.body": "Erste Nachricht",
  "new.kind": "Art",
  "new.channel": "Kanal",
  "new.customerEmail": "E-Mail des Kunden",
  "new.submit": "Ticket anlegen",
  "new.created": "Ticket #{number} angelegt.",
};
