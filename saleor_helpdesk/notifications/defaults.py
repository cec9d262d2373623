"""The shipped e-mail texts, German and English: subject (plain text) and body (HTML),
both with `{{ placeholders }}` (see `render.EMAIL_PLACEHOLDERS`). The plain-text part is
made from the HTML. A merchant's `EmailTemplate` replaces subject and body."""

from .kinds import Notification

SHIPPED_LANGUAGES = ("de", "en")

_REPLY_DE = (
    "<p>Sie können einfach auf diese E-Mail antworten (die Ticketnummer "
    "#{{ ticket.number }} bleibt im Betreff) oder in Ihrem Kundenkonto schreiben.</p>"
)
_REPLY_EN = (
    "<p>Simply reply to this e-mail (keep the ticket number #{{ ticket.number }} in "
    "the subject) or write to us from your customer account.</p>"
)
_HELLO_DE = "<p>Hallo {{ customer.name }},</p>"
_HELLO_EN = "<p>Hello {{ customer.name }},</p>"
_QUOTE = '<blockquote style="white-space:pre-line">{{ reply.text }}</blockquote>'
_NOTE = '<p style="white-space:pre-line">{{ forward.note }}</p>'
_CONVERSATION = (
    '<blockquote style="white-space:pre-line">{{ ticket.conversation }}</blockquote>'
)

DEFAULTS: dict[str, dict[str, tuple[str, str]]] = {
    Notification.TICKET_RECEIVED: {
        "de": (
            "Wir haben Ihre Anfrage erhalten: {{ ticket.subject }}",
            _HELLO_DE + "<p>vielen Dank für Ihre Nachricht. Wir haben Ihre Anfrage "
            "„{{ ticket.subject }}“ unter der Ticketnummer <strong>#{{ ticket.number "
            "}}</strong> erfasst und melden uns so schnell wie möglich.</p>"
            + _REPLY_DE,
        ),
        "en": (
            "We have received your request: {{ ticket.subject }}",
            _HELLO_EN + "<p>thank you for your message. We have filed your request "
            "“{{ ticket.subject }}” as ticket <strong>#{{ ticket.number }}</strong> "
            "and will get back to you as soon as we can.</p>" + _REPLY_EN,
        ),
    },
    Notification.STAFF_REPLY: {
        "de": (
            "Neue Antwort zu Ihrer Anfrage: {{ ticket.subject }}",
            _HELLO_DE + "<p>{{ agent.name }} hat Ihnen zu Ticket #{{ ticket.number }} "
            "geantwortet:</p>" + _QUOTE + _REPLY_DE,
        ),
        "en": (
            "New reply to your request: {{ ticket.subject }}",
            _HELLO_EN + "<p>{{ agent.name }} has replied to your ticket "
            "#{{ ticket.number }}:</p>" + _QUOTE + _REPLY_EN,
        ),
    },
    Notification.STATUS_CHANGED: {
        "de": (
            "Ihre Anfrage ist jetzt: {{ status }}",
            _HELLO_DE + "<p>der Status Ihres Tickets #{{ ticket.number }} "
            "(„{{ ticket.subject }}“) ist jetzt: <strong>{{ status }}</strong>.</p>"
            + _REPLY_DE,
        ),
        "en": (
            "Your request is now: {{ status }}",
            _HELLO_EN + "<p>the status of your ticket #{{ ticket.number }} "
            "(“{{ ticket.subject }}”) is now: <strong>{{ status }}</strong>.</p>"
            + _REPLY_EN,
        ),
    },
    Notification.DUE_DATE_CHANGED: {
        "de": (
            "Neuer Termin für Ihre Anfrage: {{ due_date }}",
            _HELLO_DE + "<p>wir kümmern uns um Ihr Ticket #{{ ticket.number }} "
            "(„{{ ticket.subject }}“) bis zum <strong>{{ due_date }}</strong>.</p>"
            + _REPLY_DE,
        ),
        "en": (
            "New date for your request: {{ due_date }}",
            _HELLO_EN + "<p>we will take care of your ticket #{{ ticket.number }} "
            "(“{{ ticket.subject }}”) by <strong>{{ due_date }}</strong>.</p>"
            + _REPLY_EN,
        ),
    },
    Notification.COMPLAINT_DECIDED: {
        "de": (
            "Entscheidung zu Ihrer Reklamation: {{ complaint.decision }}",
            _HELLO_DE + "<p>wir haben über Ihre Reklamation #{{ ticket.number }} "
            "(„{{ ticket.subject }}“, Bestellung {{ order.number }}) entschieden: "
            "<strong>{{ complaint.decision }}</strong>.</p>" + _REPLY_DE,
        ),
        "en": (
            "Decision on your complaint: {{ complaint.decision }}",
            _HELLO_EN + "<p>we have decided on your complaint #{{ ticket.number }} "
            "(“{{ ticket.subject }}”, order {{ order.number }}): "
            "<strong>{{ complaint.decision }}</strong>.</p>" + _REPLY_EN,
        ),
    },
    Notification.REFUND_REQUESTED: {
        "de": (
            "Ihre Rückerstattung ist beantragt",
            _HELLO_DE
            + "<p>zu Ticket #{{ ticket.number }} haben wir eine Rückerstattung "
            "über <strong>{{ refund.amount }}</strong> veranlasst. Wir melden uns, "
            "sobald sie ausgezahlt ist.</p>" + _REPLY_DE,
        ),
        "en": (
            "Your refund has been requested",
            _HELLO_EN
            + "<p>for ticket #{{ ticket.number }} we have started a refund of "
            "<strong>{{ refund.amount }}</strong>. We will let you know once it has "
            "been paid.</p>" + _REPLY_EN,
        ),
    },
    Notification.REFUND_COMPLETED: {
        "de": (
            "Ihre Rückerstattung ist ausgezahlt",
            _HELLO_DE + "<p>die Rückerstattung zu Ticket #{{ ticket.number }} ist "
            "ausgezahlt. Je nach Zahlungsart kann es einige Tage dauern, bis Sie sie "
            "sehen.</p>" + _REPLY_DE,
        ),
        "en": (
            "Your refund has been paid",
            _HELLO_EN + "<p>the refund for ticket #{{ ticket.number }} has been paid. "
            "Depending on the payment method it may take a few days to show.</p>"
            + _REPLY_EN,
        ),
    },
    Notification.TICKET_CLOSED: {
        "de": (
            "Ihre Anfrage ist abgeschlossen: {{ ticket.subject }}",
            _HELLO_DE + "<p>wir haben Ihr Ticket #{{ ticket.number }} "
            "(„{{ ticket.subject }}“) abgeschlossen.</p><p>{{ reopen.hint }}</p>",
        ),
        "en": (
            "Your request is closed: {{ ticket.subject }}",
            _HELLO_EN + "<p>we have closed your ticket #{{ ticket.number }} "
            "(“{{ ticket.subject }}”).</p><p>{{ reopen.hint }}</p>",
        ),
    },
    Notification.STAFF_NEW_TICKET: {
        "de": (
            "Neues Ticket: {{ ticket.subject }}",
            "<p>{{ customer.name }} hat Ticket #{{ ticket.number }} eröffnet: "
            "„{{ ticket.subject }}“ (Bestellung {{ order.number }}).</p>" + _QUOTE,
        ),
        "en": (
            "New ticket: {{ ticket.subject }}",
            "<p>{{ customer.name }} opened ticket #{{ ticket.number }}: "
            "“{{ ticket.subject }}” (order {{ order.number }}).</p>" + _QUOTE,
        ),
    },
    Notification.STAFF_CUSTOMER_REPLY: {
        "de": (
            "Kundenantwort: {{ ticket.subject }}",
            "<p>{{ customer.name }} hat auf Ticket #{{ ticket.number }} geantwortet:</p>"
            + _QUOTE,
        ),
        "en": (
            "Customer reply: {{ ticket.subject }}",
            "<p>{{ customer.name }} replied on ticket #{{ ticket.number }}:</p>"
            + _QUOTE,
        ),
    },
    Notification.STAFF_ASSIGNED: {
        "de": (
            "Ihnen zugewiesen: {{ ticket.subject }}",
            "<p>Ticket #{{ ticket.number }} („{{ ticket.subject }}“ von "
            "{{ customer.name }}) ist Ihnen zugewiesen worden. Status: {{ status }}.</p>",
        ),
        "en": (
            "Assigned to you: {{ ticket.subject }}",
            "<p>Ticket #{{ ticket.number }} (“{{ ticket.subject }}” from "
            "{{ customer.name }}) has been assigned to you. Status: {{ status }}.</p>",
        ),
    },
    Notification.STAFF_SLA_AT_RISK: {
        "de": (
            "SLA gefährdet: {{ ticket.subject }}",
            "<p>Für Ticket #{{ ticket.number }} („{{ ticket.subject }}“ von "
            "{{ customer.name }}) läuft die Frist bald ab: {{ sla.target }} fällig "
            "am {{ sla.due }}. Status: {{ status }}.</p><p>{{ ticket.url }}</p>",
        ),
        "en": (
            "SLA at risk: {{ ticket.subject }}",
            "<p>Ticket #{{ ticket.number }} (“{{ ticket.subject }}” from "
            "{{ customer.name }}) is close to its target: {{ sla.target }} due "
            "{{ sla.due }}. Status: {{ status }}.</p><p>{{ ticket.url }}</p>",
        ),
    },
    Notification.STAFF_SLA_BREACHED: {
        "de": (
            "SLA verletzt: {{ ticket.subject }}",
            "<p>Ticket #{{ ticket.number }} („{{ ticket.subject }}“ von "
            "{{ customer.name }}) hat sein Ziel verfehlt: {{ sla.target }} war "
            "fällig am {{ sla.due }}. Status: {{ status }}.</p><p>{{ ticket.url }}</p>",
        ),
        "en": (
            "SLA breached: {{ ticket.subject }}",
            "<p>Ticket #{{ ticket.number }} (“{{ ticket.subject }}” from "
            "{{ customer.name }}) missed its target: {{ sla.target }} was due "
            "{{ sla.due }}. Status: {{ status }}.</p><p>{{ ticket.url }}</p>",
        ),
    },
    Notification.TICKET_FORWARDED: {
        "de": (
            "WG: {{ ticket.subject }}",
            _NOTE + "<p>{{ agent.name }} hat Ihnen Ticket #{{ ticket.number }} "
            "(„{{ ticket.subject }}“) weitergeleitet. Der bisherige Verlauf:</p>"
            + _CONVERSATION,
        ),
        "en": (
            "Fwd: {{ ticket.subject }}",
            _NOTE + "<p>{{ agent.name }} has forwarded ticket #{{ ticket.number }} "
            "(“{{ ticket.subject }}”) to you. The conversation so far:</p>"
            + _CONVERSATION,
        ),
    },
    Notification.STAFF_CONTRACT_LOW: {
        "de": (
            "Support-Vertrag fast aufgebraucht: {{ contract.name }}",
            "<p>Der Support-Vertrag „{{ contract.name }}“ von {{ customer.name }} "
            "ist fast aufgebraucht: es bleiben <strong>{{ contract.remaining }}</strong> "
            "von {{ contract.budget }}. Ausgelöst durch Ticket #{{ ticket.number }} "
            "(„{{ ticket.subject }}“).</p>",
        ),
        "en": (
            "Support contract running low: {{ contract.name }}",
            "<p>The support contract “{{ contract.name }}” of {{ customer.name }} is "
            "running low: <strong>{{ contract.remaining }}</strong> of "
            "{{ contract.budget }} remain. Triggered by ticket #{{ ticket.number }} "
            "(“{{ ticket.subject }}”).</p>",
        ),
    },
}

# Who wrote each message in `{{ ticket.conversation }}`.
CONVERSATION_AUTHORS = {
    "de": {"customer": "Kunde", "shop": "Support"},
    "en": {"customer": "Customer", "shop": "Support"},
}

# Sentences for `{{ reopen.hint }}`.
REOPEN_HINTS = {
    "de": {
        "window": "Sollte noch etwas offen sein, antworten Sie innerhalb von {days} "
        "Tagen auf diese E-Mail oder öffnen Sie das Ticket in Ihrem Kundenkonto wieder.",
        "always": "Sollte noch etwas offen sein, antworten Sie einfach auf diese E-Mail "
        "oder öffnen Sie das Ticket in Ihrem Kundenkonto wieder.",
        "never": "Haben Sie ein neues Anliegen, schreiben Sie uns gern eine neue "
        "Anfrage.",
    },
    "en": {
        "window": "If anything is still open, reply to this e-mail within {days} days "
        "or reopen the ticket from your customer account.",
        "always": "If anything is still open, simply reply to this e-mail or reopen "
        "the ticket from your customer account.",
        "never": "If you need anything else, please open a new request.",
    },
}

DATE_FORMATS = {"de": "%d.%m.%Y %H:%M", "en": "%Y-%m-%d %H:%M"}
