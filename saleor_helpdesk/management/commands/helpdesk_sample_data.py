"""Fill the helpdesk with realistic sample tickets, on any host.

Uses only what the shop already has: its orders, customers, channels and staff users
(the stand-in host after `demo_host_data`, or Saleor after `populatedb`). Every ticket is
made through the helpdesk's actions, as the API would make it, so sample data passes
the same checks as real data; afterwards each ticket's timestamps are moved into the
past so the inbox reads like a few weeks of work.
"""

import random
import struct
import zlib
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import Count, F, Max, Q
from django.utils import timezone

from ...actions import (
    NewComplaint,
    NewLine,
    NewTicket,
    add_comment,
    assign_ticket,
    change_priority,
    change_status,
    close_ticket,
    create_ticket,
    decide_complaint,
    forward_ticket,
    link_order,
    merge_tickets,
)
from ...actor import Actor
from ...constants import (
    CommentVisibility,
    ComplaintDecision,
    TicketKind,
    TicketSource,
)
from ...defaults import DEFAULT_STATUSES
from ...host_models import user_model
from ...models import (
    Attachment,
    Category,
    Comment,
    Complaint,
    Contact,
    CustomerResponsible,
    Priority,
    SupportAgent,
    Ticket,
    TicketEvent,
    TicketLine,
    TicketStatus,
)
from ...permissions import Perm
from ...policies import channel_settings

STATUSES = [row[0] for row in DEFAULT_STATUSES]
KINDS = [
    TicketKind.QUESTION,
    TicketKind.COMPLAINT,
    TicketKind.REFUND_REQUEST,
    TicketKind.ORDER_PROBLEM,
    TicketKind.OTHER,
]
# After every status and kind has its ticket, the rest follow a helpdesk's usual mix.
STATUS_WEIGHTS = {
    "new": 3,
    "open": 3,
    "in_progress": 3,
    "waiting_customer": 2,
    "answered": 2,
    "waiting_1": 1,
    "waiting_2": 1,
    "closed": 7,
}
KIND_WEIGHTS = {
    TicketKind.QUESTION: 4,
    TicketKind.COMPLAINT: 3,
    TicketKind.REFUND_REQUEST: 2,
    TicketKind.ORDER_PROBLEM: 2,
    TicketKind.OTHER: 1,
}
# How old tickets that end in a status usually are, in hours (range for the first post).
AGE_HOURS = {
    "new": (0.5, 20),
    "open": (24, 240),
    "in_progress": (12, 200),
    "waiting_customer": (24, 160),
    "answered": (24, 200),
    "waiting_1": (48, 300),
    "waiting_2": (72, 400),
    "closed": (72, 700),
}
# Orders nobody writes a ticket about (and that Saleor hides from customers).
UNTICKETABLE_ORDER_STATUSES = ["draft", "unconfirmed", "canceled", "expired"]
MAX_ORDERS = 500
FALLBACK_CUSTOMERS = [
    ("max.mustermann@example.com", "Max Mustermann", "de"),
    ("jane.doe@example.com", "Jane Doe", "en"),
]
ORDER_KINDS = {
    TicketKind.COMPLAINT,
    TicketKind.REFUND_REQUEST,
    TicketKind.ORDER_PROBLEM,
}


# --- Texts --------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """What a customer writes first, and the answer that settles it."""

    category: str
    subject: str
    body: str
    answer: str
    reason: str = ""
    resolution: str = ""
    description: str = ""
    # "photo", "screenshot" or "statement": a file the customer sends along.
    attachment: str = ""
    needs_order: bool = False
    # The customer forgot the order number: staff link the order afterwards.
    order_to_link: bool = False


QUESTIONS = {
    "de": [
        Text(
            "product",
            "{product} als Geschenk verpackt?",
            "<p>Hallo,</p><p>ich möchte {product} verschenken. Können Sie es als "
            "Geschenk verpacken und die Rechnung separat schicken?</p>",
            "<p>gern! Wählen Sie im Warenkorb „Als Geschenk verpacken“ (2,50 €); die "
            "Rechnung schicken wir dann nur per E-Mail, nicht im Paket.</p>",
        ),
        Text(
            "shipping",
            "Versand nach Österreich",
            "<p>Guten Tag,</p><p>liefern Sie auch nach Österreich? Und wie lange ist ein "
            "Paket dorthin ungefähr unterwegs?</p>",
            "<p>ja, wir liefern nach Österreich. Pakete sind dorthin in der Regel zwei "
            "bis vier Werktage unterwegs, der Versand kostet 6,90 €.</p>",
        ),
        Text(
            "payment",
            "Kauf auf Rechnung möglich?",
            "<p>Hallo,</p><p>beim Bezahlen werden mir nur Kreditkarte und PayPal "
            "angeboten. Kann ich auch auf Rechnung kaufen?</p>",
            "<p>Kauf auf Rechnung bieten wir ab der zweiten Bestellung an. Sobald Ihre "
            "erste Bestellung bezahlt ist, erscheint die Option automatisch.</p>",
        ),
        Text(
            "account",
            "Keine E-Mail zum Zurücksetzen des Passworts",
            "<p>Hallo,</p><p>ich habe dreimal „Passwort vergessen“ geklickt, aber keine "
            "E-Mail bekommen, auch nicht im Spam-Ordner. Können Sie mir helfen?</p>",
            "<p>unser E-Mail-Anbieter hatte gestern eine Störung. Ich habe Ihnen eben "
            "manuell einen neuen Link geschickt; er ist 24 Stunden gültig.</p>",
        ),
        Text(
            "product",
            "Wann ist {product} wieder lieferbar?",
            "<p>Hallo,</p><p>{product} ist gerade als „nicht vorrätig“ markiert. Wissen "
            "Sie schon, wann es wieder lieferbar ist?</p>",
            "<p>die nächste Lieferung von {product} erwarten wir Ende nächster Woche. "
            "Wenn Sie möchten, reservieren wir Ihnen ein Stück.</p>",
        ),
        Text(
            "shipping",
            "Versandbestätigung fehlt",
            "<p>Hallo,</p><p>ich habe vor ein paar Tagen bestellt, aber noch keine "
            "Versandbestätigung bekommen. Ist alles in Ordnung mit meiner Bestellung?"
            "</p>",
            "<p>ich habe Ihre Bestellung gefunden und mit dieser Anfrage verknüpft. Sie "
            "wird heute verpackt und geht morgen früh raus; die Sendungsnummer kommt "
            "per E-Mail.</p>",
            order_to_link=True,
        ),
        Text(
            "payment",
            "Rechnung zu Bestellung {order}",
            "<p>Hallo,</p><p>für meine Steuererklärung brauche ich eine Rechnung zu "
            "Bestellung {order}. Können Sie mir die schicken?</p>",
            "<p>die Rechnung zu Bestellung {order} finden Sie in Ihrem Kundenkonto "
            "unter „Bestellungen“. Ich habe sie Ihnen zusätzlich per E-Mail "
            "geschickt.</p>",
            needs_order=True,
        ),
    ],
    "en": [
        Text(
            "product",
            "Gift wrapping for the {product}?",
            "<p>Hello,</p><p>I'd like to give the {product} as a present. Can you gift "
            "wrap it and leave the invoice out of the parcel?</p>",
            "<p>of course! Choose “Gift wrap” in the cart ($2.70); the invoice then "
            "goes by e-mail only, not in the parcel.</p>",
        ),
        Text(
            "shipping",
            "Shipping to Canada",
            "<p>Hi,</p><p>do you ship to Canada? And roughly how long does a parcel take "
            "to get there?</p>",
            "<p>we do ship to Canada. Parcels usually take five to eight business days; "
            "import duties are charged by the carrier on delivery.</p>",
        ),
        Text(
            "payment",
            "Can I pay with Apple Pay?",
            "<p>Hello,</p><p>I only see card and PayPal at checkout. Do you accept Apple "
            "Pay?</p>",
            "<p>Apple Pay appears at checkout when you use Safari on a device with "
            "Apple Pay set up. In other browsers, please pay by card.</p>",
        ),
        Text(
            "account",
            "Password reset e-mail never arrives",
            "<p>Hi,</p><p>I clicked “forgot password” three times but never got an "
            "e-mail, not even in spam. Could you help?</p>",
            "<p>our mail provider had an outage yesterday. I've just sent you a new "
            "link by hand; it is valid for 24 hours.</p>",
        ),
        Text(
            "product",
            "When will the {product} be back in stock?",
            "<p>Hello,</p><p>the {product} shows as out of stock. Do you know when it "
            "will be available again?</p>",
            "<p>we expect the next delivery of the {product} at the end of next week. "
            "Let me know if you'd like us to reserve one for you.</p>",
        ),
        Text(
            "shipping",
            "No shipping confirmation yet",
            "<p>Hi,</p><p>I ordered a few days ago but haven't had a shipping "
            "confirmation. Is everything OK with my order?</p>",
            "<p>I found your order and linked it to this request. It is being packed "
            "today and leaves tomorrow morning; you'll get the tracking number by "
            "e-mail.</p>",
            order_to_link=True,
        ),
        Text(
            "payment",
            "Invoice for order {order}",
            "<p>Hello,</p><p>could you send me a VAT invoice for order {order}? I need "
            "it for my expense report.</p>",
            "<p>the invoice for order {order} is in your account under “Orders”. I've "
            "also sent it to you by e-mail.</p>",
            needs_order=True,
        ),
    ],
}

COMPLAINTS = {
    "de": [
        Text(
            "damaged",
            "{product} zerbrochen angekommen",
            "<p>Hallo,</p><p>heute kam meine Bestellung {order} an. Leider war "
            "{product} beim Auspacken zerbrochen, der Karton war schon außen "
            "eingedrückt. Fotos hänge ich an.</p><p>Ich hätte gern Ersatz.</p>",
            "",
            reason="damaged_in_transit",
            resolution="replacement",
            description="Karton eingedrückt, Artikel in mehrere Teile zerbrochen.",
            attachment="photo",
        ),
        Text(
            "defect",
            "{product} nach drei Wochen kaputt",
            "<p>Guten Tag,</p><p>{product} aus Bestellung {order} ist nach drei Wochen "
            "kaputtgegangen, obwohl ich es ganz normal benutzt habe. Ein Foto hängt "
            "an.</p>",
            "",
            reason="defective",
            resolution="repair",
            description="Nach drei Wochen normaler Benutzung defekt.",
            attachment="photo",
        ),
        Text(
            "wrong_item",
            "Falscher Artikel geliefert",
            "<p>Hallo,</p><p>in meinem Paket zu Bestellung {order} war statt {product} "
            "ein anderer Artikel. Foto anbei. Bitte schicken Sie mir den richtigen "
            "Artikel.</p>",
            "",
            reason="wrong_item",
            resolution="replacement",
            description="Anderer Artikel im Paket als bestellt.",
            attachment="photo",
        ),
        Text(
            "delivery",
            "{product} fehlt in der Lieferung",
            "<p>Hallo,</p><p>{product} steht auf dem Lieferschein von Bestellung "
            "{order}, war aber nicht im Paket. Bitte erstatten Sie mir den Betrag.</p>",
            "",
            reason="missing_item",
            resolution="refund",
            description="Laut Lieferschein verschickt, aber nicht im Paket.",
        ),
        Text(
            "defect",
            "{product} sieht anders aus als auf den Fotos",
            "<p>Hallo,</p><p>{product} sieht deutlich anders aus als auf den "
            "Produktfotos: Die Farbe ist viel dunkler, die Verarbeitung wirkt billig. "
            "So möchte ich es nicht behalten.</p>",
            "",
            reason="not_as_described",
            resolution="credit",
            description="Farbe und Verarbeitung weichen deutlich von den Fotos ab.",
            attachment="photo",
        ),
    ],
    "en": [
        Text(
            "damaged",
            "{product} arrived broken",
            "<p>Hello,</p><p>my order {order} arrived today, but the {product} was "
            "broken when I unpacked it; the box was already dented. Photos "
            "attached.</p><p>I'd like a replacement, please.</p>",
            "",
            reason="damaged_in_transit",
            resolution="replacement",
            description="Box dented, item broken into several pieces.",
            attachment="photo",
        ),
        Text(
            "defect",
            "{product} broke after three weeks",
            "<p>Hi,</p><p>the {product} from order {order} broke after three weeks of "
            "normal use. A photo is attached.</p>",
            "",
            reason="defective",
            resolution="repair",
            description="Broke after three weeks of normal use.",
            attachment="photo",
        ),
        Text(
            "wrong_item",
            "Wrong item delivered",
            "<p>Hello,</p><p>instead of the {product}, my parcel for order {order} "
            "contained a different item. Photo attached. Please send me the right "
            "one.</p>",
            "",
            reason="wrong_item",
            resolution="replacement",
            description="Parcel contained a different item than ordered.",
            attachment="photo",
        ),
        Text(
            "delivery",
            "{product} missing from my parcel",
            "<p>Hi,</p><p>the {product} is on the packing slip for order {order} but "
            "wasn't in the parcel. Please refund it.</p>",
            "",
            reason="missing_item",
            resolution="refund",
            description="On the packing slip but not in the parcel.",
        ),
        Text(
            "defect",
            "{product} doesn't look like the photos",
            "<p>Hello,</p><p>the {product} looks quite different from the product "
            "photos: the colour is much darker and the finish feels cheap. I don't want "
            "to keep it like this.</p>",
            "",
            reason="not_as_described",
            resolution="credit",
            description="Colour and finish differ clearly from the product photos.",
            attachment="photo",
        ),
    ],
}

REFUND_REQUESTS = {
    "de": [
        Text(
            "withdrawal",
            "Widerruf meiner Bestellung {order}",
            "<p>Hallo,</p><p>hiermit widerrufe ich meine Bestellung {order}. {product} "
            "ist noch originalverpackt, ich schicke es gern zurück. Bitte erstatten "
            "Sie mir den Kaufpreis.</p>",
            "<p>Ihr Widerruf ist angekommen. Den Retourenschein finden Sie im Anhang; "
            "sobald die Ware bei uns ist, erstatten wir den Kaufpreis auf Ihr "
            "ursprüngliches Zahlungsmittel.</p>",
            needs_order=True,
        ),
        Text(
            "overcharged",
            "Betrag doppelt abgebucht",
            "<p>Guten Tag,</p><p>für Bestellung {order} wurde der Betrag zweimal von "
            "meinem Konto abgebucht. Den Kontoauszug hänge ich an.</p>",
            "<p>Sie haben recht, die Zahlung wurde doppelt ausgelöst. Wir haben die "
            "zweite Buchung eben erstattet; sie ist in drei bis fünf Werktagen auf "
            "Ihrem Konto.</p>",
            attachment="statement",
            needs_order=True,
        ),
        Text(
            "overcharged",
            "Versandkosten trotz Gutschein",
            "<p>Hallo,</p><p>bei Bestellung {order} habe ich den Gutschein für "
            "kostenlosen Versand eingegeben, trotzdem wurden Versandkosten berechnet."
            "</p>",
            "<p>da ist beim Gutschein etwas schiefgelaufen. Die Versandkosten von "
            "4,90 € haben wir Ihnen erstattet.</p>",
            needs_order=True,
        ),
    ],
    "en": [
        Text(
            "withdrawal",
            "Cancelling my order {order}",
            "<p>Hello,</p><p>I'd like to withdraw from order {order}. The {product} is "
            "still sealed and I'm happy to send it back. Please refund me.</p>",
            "<p>we've received your withdrawal. The return label is attached; once the "
            "parcel is back with us, we refund the purchase price to your original "
            "payment method.</p>",
            needs_order=True,
        ),
        Text(
            "overcharged",
            "Charged twice",
            "<p>Hi,</p><p>I was charged twice for order {order}. I've attached my bank "
            "statement.</p>",
            "<p>you're right, the payment was captured twice. We've just refunded the "
            "second charge; it will reach your account within three to five business "
            "days.</p>",
            attachment="statement",
            needs_order=True,
        ),
        Text(
            "overcharged",
            "Shipping charged despite voucher",
            "<p>Hello,</p><p>I used the free-shipping voucher on order {order}, but "
            "shipping was still charged.</p>",
            "<p>something went wrong with the voucher. We've refunded the shipping "
            "costs of $5.40.</p>",
            needs_order=True,
        ),
    ],
}

ORDER_PROBLEMS = {
    "de": [
        Text(
            "not_arrived",
            "Bestellung {order} ist nicht angekommen",
            "<p>Hallo,</p><p>meine Bestellung {order} sollte längst da sein, die "
            "Sendungsverfolgung steht aber seit sechs Tagen auf „In Zustellung“. "
            "Können Sie nachforschen?</p>",
            "<p>das Paket war im Verteilzentrum liegen geblieben und wird morgen "
            "zugestellt. Entschuldigen Sie die Verzögerung!</p>",
            needs_order=True,
        ),
        Text(
            "change_order",
            "Lieferadresse für {order} ändern",
            "<p>Hallo,</p><p>ich bin umgezogen und habe beim Bestellen die alte Adresse "
            "erwischt. Bitte liefern Sie Bestellung {order} an: Lindenstraße 12, "
            "50674 Köln.</p>",
            "<p>wir haben die Lieferadresse geändert; das Paket geht an die "
            "Lindenstraße 12 in Köln.</p>",
            needs_order=True,
        ),
        Text(
            "change_order",
            "Noch etwas zur Bestellung {order} hinzufügen",
            "<p>Hallo,</p><p>kann ich zu meiner Bestellung {order} noch {product} "
            "dazubestellen, damit alles in einem Paket kommt?</p>",
            "<p>das geht: Wir haben {product} ergänzt und schicken alles zusammen. Die "
            "Differenz buchen wir über Ihr Zahlungsmittel ab.</p>",
            needs_order=True,
        ),
    ],
    "en": [
        Text(
            "not_arrived",
            "Order {order} hasn't arrived",
            "<p>Hello,</p><p>my order {order} should have arrived days ago, but "
            "tracking has said “out for delivery” for six days. Could you look into "
            "it?</p>",
            "<p>the parcel got stuck at the sorting centre and will be delivered "
            "tomorrow. Sorry for the delay!</p>",
            needs_order=True,
        ),
        Text(
            "change_order",
            "Change delivery address for {order}",
            "<p>Hi,</p><p>I've moved and used my old address by mistake. Please ship "
            "order {order} to 14 Elm Street, Springfield, IL 62701.</p>",
            "<p>we've updated the delivery address; the parcel goes to 14 Elm "
            "Street.</p>",
            needs_order=True,
        ),
        Text(
            "change_order",
            "Add an item to order {order}",
            "<p>Hello,</p><p>can I still add the {product} to order {order} so "
            "everything comes in one parcel?</p>",
            "<p>done: we've added the {product} and will ship everything together. The "
            "difference is charged to your payment method.</p>",
            needs_order=True,
        ),
    ],
}

OTHERS = {
    "de": [
        Text(
            "other",
            "Ein Lob an Ihr Team",
            "<p>Hallo,</p><p>ich wollte einfach Danke sagen: Die Beratung am Telefon "
            "letzte Woche war super, und {product} ist genau, was ich gesucht habe."
            "</p>",
            "<p>vielen Dank für das schöne Feedback, das geben wir gern an das Team "
            "weiter!</p>",
        ),
        Text(
            "other",
            "Fehlermeldung beim Bezahlen",
            "<p>Guten Tag,</p><p>beim Bezahlen erscheint seit gestern „Etwas ist "
            "schiefgelaufen“. Ich habe es in zwei Browsern versucht; ein Screenshot "
            "hängt an.</p>",
            "<p>danke für den Screenshot! Der Fehler lag bei uns und ist behoben. "
            "Bitte versuchen Sie es noch einmal.</p>",
            attachment="screenshot",
        ),
        Text(
            "other",
            "Newsletter abbestellen",
            "<p>Hallo,</p><p>bitte tragen Sie mich aus dem Newsletter aus; der "
            "Abmeldelink in der E-Mail funktioniert bei mir nicht.</p>",
            "<p>wir haben Sie aus dem Newsletter ausgetragen. Den defekten Link "
            "reparieren wir.</p>",
        ),
    ],
    "en": [
        Text(
            "other",
            "Thank you to your team",
            "<p>Hello,</p><p>just wanted to say thanks: the advice on the phone last "
            "week was great, and the {product} is exactly what I was looking for.</p>",
            "<p>thank you for the kind words, we'll pass them on to the team!</p>",
        ),
        Text(
            "other",
            "Error message at checkout",
            "<p>Hi,</p><p>since yesterday checkout shows “Something went wrong”. I "
            "tried two browsers; a screenshot is attached.</p>",
            "<p>thanks for the screenshot! The error was on our side and is fixed now. "
            "Please give it another try.</p>",
            attachment="screenshot",
        ),
        Text(
            "other",
            "Unsubscribe from the newsletter",
            "<p>Hello,</p><p>please take me off the newsletter; the unsubscribe link "
            "in the e-mail doesn't work for me.</p>",
            "<p>we've removed you from the newsletter and are fixing the broken "
            "link.</p>",
        ),
    ],
}

TEXTS: dict[str, dict[str, list[Text]]] = {
    TicketKind.QUESTION: QUESTIONS,
    TicketKind.COMPLAINT: COMPLAINTS,
    TicketKind.REFUND_REQUEST: REFUND_REQUESTS,
    TicketKind.ORDER_PROBLEM: ORDER_PROBLEMS,
    TicketKind.OTHER: OTHERS,
}

ASK: dict[str, dict[str, str]] = {
    "de": {
        TicketKind.QUESTION: "<p>damit ich Ihnen genau helfen kann: Um welches Modell "
        "beziehungsweise welche Bestellung geht es?</p>",
        TicketKind.COMPLAINT: "<p>danke für Ihre Nachricht und die Fotos. Damit wir den "
        "Schaden melden können: Schicken Sie uns bitte noch ein Foto vom "
        "Versandkarton?</p>",
        TicketKind.REFUND_REQUEST: "<p>haben Sie die Ware schon zurückgeschickt? Wenn "
        "ja, nennen Sie uns bitte die Sendungsnummer.</p>",
        TicketKind.ORDER_PROBLEM: "<p>fragen Sie bitte kurz bei Ihren Nachbarn nach, ob "
        "das Paket dort abgegeben wurde. Wenn nicht, starten wir einen "
        "Nachforschungsauftrag.</p>",
        TicketKind.OTHER: "<p>welchen Browser und welches Gerät verwenden Sie? Dann "
        "können wir das nachstellen.</p>",
    },
    "en": {
        TicketKind.QUESTION: "<p>so I can help you exactly: which model or which order "
        "is this about?</p>",
        TicketKind.COMPLAINT: "<p>thanks for your message and the photos. To report the "
        "damage, could you also send us a photo of the shipping box?</p>",
        TicketKind.REFUND_REQUEST: "<p>have you sent the goods back already? If so, "
        "please give us the tracking number.</p>",
        TicketKind.ORDER_PROBLEM: "<p>could you check with your neighbours whether the "
        "parcel was left with them? If not, we'll open a trace with the carrier.</p>",
        TicketKind.OTHER: "<p>which browser and device are you using? Then we can "
        "reproduce it.</p>",
    },
}

REPLIES = {
    "de": {
        "working": "<p>vielen Dank für Ihre Nachricht. Wir kümmern uns darum und melden "
        "uns spätestens übermorgen bei Ihnen.</p>",
        "supplier": "<p>wir haben beim Hersteller nachgefragt und melden uns, sobald "
        "wir Antwort haben.</p>",
        "carrier": "<p>wir haben beim Versanddienstleister einen Nachforschungsauftrag "
        "gestellt. Das dauert erfahrungsgemäß bis zu fünf Werktage; wir melden uns, "
        "sobald wir mehr wissen.</p>",
        "closing": "<p>gern geschehen! Damit schließe ich die Anfrage. Wenn noch etwas "
        "ist, antworten Sie einfach auf diese Nachricht.</p>",
        "reopened": "<p>das tut mir leid! Ich schaue mir das sofort noch einmal an.</p>",
    },
    "en": {
        "working": "<p>thank you for your message. We're on it and will get back to you "
        "within two days.</p>",
        "supplier": "<p>we've asked the manufacturer and will get back to you as soon "
        "as we hear from them.</p>",
        "carrier": "<p>we've opened a trace with the carrier. That usually takes up to "
        "five business days; we'll be in touch as soon as we know more.</p>",
        "closing": "<p>you're welcome! I'm closing this request now. If there's "
        "anything else, just reply to this message.</p>",
        "reopened": "<p>I'm sorry to hear that! I'll look into it again right away.</p>",
    },
}

DECISION_REPLIES = {
    "de": {
        ComplaintDecision.REPLACEMENT: "<p>wir schicken Ihnen kostenlos Ersatz für "
        "{product}, er geht heute noch raus. Den beschädigten Artikel müssen Sie "
        "nicht zurückschicken.</p>",
        ComplaintDecision.REFUND: "<p>wir erstatten Ihnen den Betrag für {product}. Die "
        "Gutschrift ist in drei bis fünf Werktagen auf Ihrem Konto.</p>",
        ComplaintDecision.REPAIR: "<p>bitte schicken Sie uns das Gerät mit dem "
        "beigefügten Retourenschein. Wir lassen es beim Hersteller reparieren; das "
        "dauert etwa zwei Wochen.</p>",
        ComplaintDecision.CREDIT: "<p>als Entschuldigung haben wir Ihrem Kundenkonto "
        "den Betrag für {product} als Guthaben gutgeschrieben.</p>",
        ComplaintDecision.REJECTED: "<p>leider können wir die Reklamation nicht "
        "anerkennen: Die Spuren deuten auf einen Sturz nach der Zustellung hin. "
        "Gern machen wir Ihnen ein Angebot für ein Ersatzteil.</p>",
    },
    "en": {
        ComplaintDecision.REPLACEMENT: "<p>we're sending you a free replacement for the "
        "{product} today. You don't need to return the damaged one.</p>",
        ComplaintDecision.REFUND: "<p>we're refunding the {product}. The money will be "
        "in your account within three to five business days.</p>",
        ComplaintDecision.REPAIR: "<p>please send the appliance back with the attached "
        "return label. The manufacturer will repair it, which takes about two "
        "weeks.</p>",
        ComplaintDecision.CREDIT: "<p>to make up for it, we've added the price of the "
        "{product} to your account as store credit.</p>",
        ComplaintDecision.REJECTED: "<p>unfortunately we can't accept this complaint: "
        "the marks point to a fall after delivery. We're happy to offer you a spare "
        "part instead.</p>",
    },
}

DECISION_NOTES = {
    "de": {
        ComplaintDecision.REPLACEMENT: "Ersatz aus dem Lager, Versand per DHL.",
        ComplaintDecision.REFUND: "Erstattung über den Zahlungsanbieter ausgelöst.",
        ComplaintDecision.REPAIR: "Reparatur über den Herstellerservice.",
        ComplaintDecision.CREDIT: "Kulanz: Guthaben aufs Kundenkonto.",
        ComplaintDecision.REJECTED: "Sturzschaden, keine Gewährleistung.",
    },
    "en": {
        ComplaintDecision.REPLACEMENT: "Replacement from stock, shipped with UPS.",
        ComplaintDecision.REFUND: "Refund issued through the payment provider.",
        ComplaintDecision.REPAIR: "Repair through the manufacturer's service.",
        ComplaintDecision.CREDIT: "Goodwill: store credit on the customer account.",
        ComplaintDecision.REJECTED: "Damage from a fall, not covered by warranty.",
    },
}

FOLLOW_UPS = {
    "de": {
        "addendum": "<p>Nachtrag: Ich habe noch ein Foto gemacht, vielleicht hilft "
        "das.</p>",
        "thanks": "<p>Vielen Dank für die schnelle Hilfe!</p>",
        "question": "<p>Danke! Eine Frage noch: Wann ungefähr kann ich damit "
        "rechnen?</p>",
        "again": "<p>Leider ist das Problem wieder aufgetreten. Können Sie sich das "
        "bitte noch einmal ansehen?</p>",
        "reminder": "<p>Gibt es schon etwas Neues?</p>",
        "duplicate": "<p>Ich hatte vor ein paar Tagen schon geschrieben, aber noch "
        "keine Antwort bekommen. Bitte melden Sie sich!</p>",
    },
    "en": {
        "addendum": "<p>Update: I took one more photo, maybe it helps.</p>",
        "thanks": "<p>Thank you for the quick help!</p>",
        "question": "<p>Thanks! One more question: roughly when can I expect it?</p>",
        "again": "<p>Unfortunately the problem is back. Could you please take another "
        "look?</p>",
        "reminder": "<p>Any news on this?</p>",
        "duplicate": "<p>I wrote a few days ago but haven't heard back yet. Please get "
        "in touch!</p>",
    },
}

# Internal notes, in the ticket's language (the team answers in it as well).
TRIAGE_NOTES = {
    "de": [
        "Stammkunde, bitte kulant behandeln.",
        "Bestellung geprüft: Zahlung eingegangen, Paket laut Tracking zugestellt.",
        "Hat zusätzlich angerufen und bittet um Rückruf am Nachmittag.",
        "Ähnlicher Fall letzte Woche, siehe Ticket mit gleicher Charge.",
    ],
    "en": [
        "Regular customer, please be generous.",
        "Order checked: payment received, parcel delivered according to tracking.",
        "Also called and asks to be called back in the afternoon.",
        "Similar case last week, same production batch.",
    ],
}
NOTES = {
    "de": {
        "supplier": "Rückfrage beim Hersteller per E-Mail gestellt (Hr. Brandt), "
        "Antwort bis Freitag zugesagt. Lieferschein-Scan anbei.",
        "carrier": "Nachforschungsauftrag beim Versanddienstleister eröffnet, "
        "Vorgang NF-{case}.",
        "stock": "Lagerbestand geprüft: {product} ist vorrätig, Ersatz kann sofort "
        "raus.",
        "refund": "Erstattung im Zahlungsanbieter vorbereitet, bitte nach "
        "Wareneingang auslösen.",
        "team": "An die Fachabteilung gegeben, Rückmeldung steht noch aus.",
        "forward": "{colleague}, kannst du das bitte übernehmen? Du kennst dich damit "
        "am besten aus.",
    },
    "en": {
        "supplier": "Asked the manufacturer by e-mail (Mr Brandt), answer promised by "
        "Friday. Scan of the delivery note attached.",
        "carrier": "Opened a trace with the carrier, case NF-{case}.",
        "stock": "Stock checked: {product} is available, a replacement can go out "
        "right away.",
        "refund": "Refund prepared at the payment provider; release it once the "
        "return has arrived.",
        "team": "Handed to the specialist team, still waiting for their answer.",
        "forward": "{colleague}, could you take this one? You know this best.",
    },
}

GREETINGS = {"de": ("Hallo {name},", "Guten Tag,"), "en": ("Hi {first},", "Hello,")}
SIGN_OFFS = {
    "de": (
        "<p>Viele Grüße<br>{first}</p>",
        "<p>Viele Grüße<br>{agent}<br>Ihr Kundenservice</p>",
    ),
    "en": (
        "<p>Best regards,<br>{first}</p>",
        "<p>Kind regards,<br>{agent}<br>Customer service</p>",
    ),
}
PHONE_NOTE = {"de": "<p>Telefonnotiz:</p>", "en": "<p>Phone call summary:</p>"}
DUPLICATE_PREFIX = {"de": "Nochmal: ", "en": "Again: "}
FILE_NAMES = {
    "de": {
        "screenshot": "Bildschirmfoto_{n}.png",
        "statement": "Kontoauszug_{n}.pdf",
        "return_label": "Retourenschein_{order}.pdf",
        "delivery_note": "Lieferschein_{order}.pdf",
        "call_notes": "Gespraechsnotiz_{n}.pdf",
    },
    "en": {
        "screenshot": "screenshot_{n}.png",
        "statement": "bank_statement_{n}.pdf",
        "return_label": "return_label_{order}.pdf",
        "delivery_note": "delivery_note_{order}.pdf",
        "call_notes": "call_notes_{n}.pdf",
    },
}


# --- Files ----------------------------------------------------------------------------


def png_bytes(rng: random.Random, width: int = 48, height: int = 36) -> bytes:
    """A small valid PNG: a coloured gradient standing in for a customer's photo."""
    red, green, blue = (rng.randrange(256) for _ in range(3))
    rows = b"".join(
        b"\x00"
        + bytes(
            value
            for x in range(width)
            for value in (
                (red + 3 * x) % 256,
                (green + 4 * y) % 256,
                (blue + x + y) % 256,
            )
        )
        for y in range(height)
    )

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def pdf_bytes(lines: list[str]) -> bytes:
    """A small valid one-page PDF showing `lines` in Helvetica."""

    def escape(text: str) -> bytes:
        raw = text.encode("cp1252", "replace")
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    shown = b" T* ".join(b"(" + escape(line) + b") Tj" for line in lines)
    stream = b"BT /F1 12 Tf 16 TL 56 780 Td " + shown + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# --- Planning -------------------------------------------------------------------------


@dataclass
class Plan:
    kind: str
    status: str
    age_hours: float
    language: str
    # Among the first tickets that cover every status and kind: no variations that
    # would change either.
    essential: bool


@dataclass
class Cast:
    """The host objects tickets are written about."""

    agents: list[Any]
    customers: list[Any]
    orders_by_customer: dict[int, list[Any]]
    guest_orders: list[Any]
    # Product names seen on orders, per order language ("any": all of them).
    products: dict[str, list[str]]
    active_channel_ids: list[int]


@dataclass
class Thread:
    """One ticket while it is being played through."""

    ticket_id: int
    kind: str
    language: str
    text: Text
    agent: Any
    customer: Actor | None
    values: dict[str, str]
    order: Any = None
    order_to_link: Any = None
    waited: float = 0.0
    extras: dict[str, Any] = field(default_factory=dict)


def language_of(code: str | None) -> str:
    """The sample texts' language for a language code: German or English."""
    return "de" if (code or "").lower().startswith("de") else "en"


def without_greeting(body: str) -> str:
    """The body without its first paragraph ("Hallo,"), for a note taken by staff."""
    rest = body.split("</p>", 1)[-1]
    if rest.startswith("<p>") and len(rest) > 3:
        rest = "<p>" + rest[3].upper() + rest[4:]
    return rest


def staff_actor(user: Any) -> Actor:
    return Actor.staff(user, {Perm.MANAGE_ORDERS.value})


def shift_ticket(ticket_id: int, hours: float) -> None:
    """Move everything recorded on a ticket so far `hours` into the past."""
    delta = timedelta(hours=hours)
    times = [
        "created_at",
        "updated_at",
        "last_activity_at",
        "due_date",
        "first_response_at",
        "resolved_at",
        "closed_at",
    ]
    Ticket.objects.filter(pk=ticket_id).update(
        **{name: F(name) - delta for name in times}
    )
    Comment.objects.filter(ticket_id=ticket_id).update(
        created_at=F("created_at") - delta, edited_at=F("edited_at") - delta
    )
    Attachment.objects.filter(ticket_id=ticket_id).update(
        created_at=F("created_at") - delta
    )
    TicketEvent.objects.filter(ticket_id=ticket_id).update(date=F("date") - delta)
    Complaint.objects.filter(ticket_id=ticket_id).update(
        decided_at=F("decided_at") - delta
    )


# --- The command ----------------------------------------------------------------------


class Command(BaseCommand):
    help = (
        "Create realistic sample helpdesk tickets from the shop's existing orders, "
        "customers and staff (run after Saleor's populatedb or demo_host_data)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--tickets", type=int, default=40, help="How many tickets (default 40)."
        )
        parser.add_argument(
            "--seed", type=int, default=None, help="Random seed, for repeatable data."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add sample tickets even if the helpdesk already has tickets.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = options["tickets"]
        if count < 1:
            raise CommandError("--tickets must be at least 1.")
        existing = Ticket.objects.count()
        if existing and not options["force"]:
            self.stdout.write(
                f"The helpdesk already has {existing} tickets; no sample data added "
                "(use --force to add more)."
            )
            return
        self.rng = random.Random(options["seed"])  # noqa: S311 - sample data, not secrets
        self.statuses = {
            status.slug: status
            for status in TicketStatus.objects.filter(slug__in=STATUSES, is_active=True)
        }
        missing = [slug for slug in STATUSES if slug not in self.statuses]
        if "new" in missing or "closed" in missing:
            raise CommandError(
                "The helpdesk's default statuses are missing; run `manage.py migrate`."
            )
        self.priorities = {p.slug: p for p in Priority.objects.all()}
        self.categories = {
            (c.kind, c.slug): c for c in Category.objects.filter(is_active=True)
        }
        self.contact = (
            Contact.objects.filter(is_active=True).order_by("position").first()
        )
        self.cast = self._cast()
        self.by_customer: dict[int, list[int]] = {}
        if count < len(STATUSES):
            self.stdout.write(
                f"Note: with fewer than {len(STATUSES)} tickets not every status is shown."
            )
        plans = self._plans(count, [s for s in STATUSES if s not in missing])
        failed = 0
        for done, plan in enumerate(plans, start=1):
            try:
                with transaction.atomic():
                    self._play(plan)
            except ValidationError as error:
                failed += 1
                self.stderr.write(
                    f"Skipped a {plan.kind} ticket ({plan.status}): {error.messages}"
                )
            if done % 10 == 0 or done == count:
                self.stdout.write(f"tickets: {done}/{count}")
        if failed == count:
            raise CommandError("No sample ticket could be created.")
        self._summary()

    # Who and what the tickets are about.

    def _cast(self) -> Cast:
        users = user_model()
        order_model = apps.get_model("order", "Order")
        staff = list(users.objects.filter(is_staff=True, is_active=True).order_by("pk"))
        if not staff:
            raise CommandError(
                "The shop has no active staff users to answer tickets; create one "
                "first (Saleor: `manage.py populatedb --createsuperuser`)."
            )
        for user in staff:
            agent, _ = SupportAgent.objects.get_or_create(user=user)
            if self.contact is not None:
                agent.contacts.add(self.contact)
        customers = list(
            users.objects.filter(is_staff=False, is_active=True).order_by("pk")[:200]
        )
        channel_model = apps.get_model("channel", "Channel")
        active_channels = list(
            channel_model.objects.filter(is_active=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        orders = list(
            order_model.objects.exclude(status__in=UNTICKETABLE_ORDER_STATUSES)
            .filter(channel_id__in=active_channels)
            .annotate(line_count=Count("lines"))
            .filter(line_count__gt=0)
            .filter(Q(user__isnull=True) | Q(user__is_staff=False))
            .select_related("user")
            .prefetch_related("lines")
            .order_by("number")[:MAX_ORDERS]
        )
        by_customer: dict[int, list[Any]] = {}
        guest_orders = []
        for order in orders:
            if order.user_id:
                by_customer.setdefault(order.user_id, []).append(order)
            elif order.user_email:
                guest_orders.append(order)
        products: dict[str, set[str]] = {}
        for order in orders:
            for key in (language_of(order.language_code), "any"):
                products.setdefault(key, set()).update(
                    line.product_name for line in order.lines.all()
                )
        # Two customers have a responsible person: their tickets go to them directly.
        if len(staff) > 1:
            for customer in [c for c in customers if c.pk in by_customer][:2]:
                CustomerResponsible.objects.get_or_create(
                    customer=customer, defaults={"responsible": staff[1]}
                )
        return Cast(
            agents=staff,
            customers=customers,
            orders_by_customer=by_customer,
            guest_orders=guest_orders,
            products={key: sorted(names) for key, names in products.items()},
            active_channel_ids=active_channels,
        )

    def _plans(self, count: int, statuses: list[str]) -> list[Plan]:
        rng = self.rng
        plans = []
        for index in range(count):
            essential = index < max(len(statuses), len(KINDS))
            if index < len(statuses):
                status = statuses[index]
            else:
                weights = [STATUS_WEIGHTS[s] for s in statuses]
                status = rng.choices(statuses, weights)[0]
            if index < len(KINDS):
                kind = KINDS[index]
            else:
                kind = rng.choices(KINDS, [KIND_WEIGHTS[k] for k in KINDS])[0]
            low, high = AGE_HOURS[status]
            plans.append(
                Plan(
                    kind=kind,
                    status=status,
                    age_hours=rng.uniform(low, high),
                    language="en" if index % 3 == 1 else "de",
                    essential=essential,
                )
            )
        # Oldest first, so ticket numbers grow with the date they were opened.
        return sorted(plans, key=lambda plan: -plan.age_hours)

    # Playing one ticket through.

    def _play(self, plan: Plan) -> None:
        if plan.status == "closed" and not plan.essential and self.rng.random() < 0.3:
            thread = self._open_duplicate(plan)
            if thread is not None:
                self._flow_merged(thread)
                self._finish(thread, plan)
                return
        thread = self._open(plan)
        getattr(self, f"_flow_{plan.status}")(thread)
        self._finish(thread, plan)

    def _finish(self, thread: Thread, plan: Plan) -> None:
        hours = max(plan.age_hours - thread.waited, 0.2)
        shift_ticket(thread.ticket_id, hours)
        if "merged_at" in thread.extras:
            self._shift_merged(thread, hours)
        ticket = Ticket.objects.get(pk=thread.ticket_id)
        if ticket.customer_id and ticket.merged_into_id is None:
            self.by_customer.setdefault(ticket.customer_id, []).append(ticket.pk)

    def _open(self, plan: Plan) -> Thread:
        rng, cast = self.rng, self.cast
        kind = plan.kind
        customer, order, guest_email, language = self._choose_customer(plan)
        texts = TEXTS[kind][language]
        if kind == TicketKind.QUESTION and order is None:
            texts = [t for t in texts if not (t.needs_order or t.order_to_link)]
        text = rng.choice(texts)
        to_link = None
        if (
            kind == TicketKind.QUESTION
            and customer is not None
            and order is not None
            and not text.needs_order
        ):
            # A general question, or one whose order the customer did not name. (A
            # guest writes through an order, so their tickets keep it.)
            to_link = order if text.order_to_link else None
            order = None
        lines = self._lines(order) if kind == TicketKind.COMPLAINT and order else []
        if lines:
            product = lines[0][0].product_name
        elif order is not None:
            product = rng.choice(list(order.lines.all())).product_name
        elif cast.products.get(language) or cast.products.get("any"):
            product = rng.choice(cast.products.get(language) or cast.products["any"])
        else:
            product = {"de": "der Artikel", "en": "the item"}[language]
        first_name, full_name = self._names(customer, guest_email)
        values = {
            "product": product,
            "order": str(order.number) if order is not None else "",
            "first": first_name,
            "name": full_name,
        }
        channel_id = self._channel_for(customer, order, to_link)
        files = []
        if text.attachment:
            copies = rng.choice([1, 1, 2]) if text.attachment == "photo" else 1
            files = [
                self._file(text.attachment, language, values) for _ in range(copies)
            ]
        category = self.categories.get((kind, text.category))
        complaint = None
        if kind == TicketKind.COMPLAINT:
            complaint = NewComplaint(
                customer_number=f"K-{customer.pk:05d}" if customer else "",
                order_number=values["order"],
                article_number=(lines[0][0].product_sku or "") if lines else "",
                description=text.description,
                requested_resolution=text.resolution,
            )
        data = NewTicket(
            subject=text.subject.format(**values),
            body=text.body.format(**values) + self._customer_sign_off(language, values),
            kind=kind,
            channel_id=channel_id,
            order_id=order.pk if order is not None else None,
            lines=[
                NewLine(order_line_id=line.pk, quantity=qty, reason=text.reason)
                for line, qty in lines
            ],
            complaint=complaint,
            category_id=category.pk if category else None,
            contact_id=self.contact.pk if self.contact else None,
            attachments=files,
        )
        customer_actor: Actor | None = None
        if customer is not None:
            customer_actor = Actor.customer(customer)
        elif order is not None:
            customer_actor = Actor.guest(order.pk, guest_email)
        agent = rng.choice(cast.agents)
        on_behalf = (
            customer_actor is None
            or channel_id is None
            or (customer is not None and rng.random() < 0.15)
        )
        if on_behalf:
            # Taken on the phone or from an e-mail by the team.
            data = replace(
                data,
                body=PHONE_NOTE[language]
                + without_greeting(text.body.format(**values)),
                customer_id=customer.pk if customer else None,
                customer_email=None if customer else guest_email,
                source=rng.choice([TicketSource.PHONE, TicketSource.EMAIL]),
            )
            ticket = create_ticket(staff_actor(agent), data)
        else:
            assert customer_actor is not None
            if customer is None:
                data = replace(data, customer_name=full_name)
            ticket = create_ticket(customer_actor, data)
        if ticket.assignee_id:
            agent = next(a for a in cast.agents if a.pk == ticket.assignee_id)
        return Thread(
            ticket_id=ticket.pk,
            kind=kind,
            language=language,
            text=text,
            agent=agent,
            customer=customer_actor,
            values=values,
            order=order,
            order_to_link=to_link,
        )

    def _choose_customer(self, plan: Plan) -> tuple[Any, Any, str, str]:
        """(registered customer or None, order or None, a guest's e-mail, language).

        The plan's language is a preference; the texts follow the customer's own
        language (a shop whose customers all speak English gets English tickets)."""
        rng, cast = self.rng, self.cast
        wants_order = plan.kind in ORDER_KINDS or (
            plan.kind == TicketKind.QUESTION and rng.random() < 0.5
        )

        def speaks(code: str | None) -> bool:
            return language_of(code) == plan.language

        if wants_order:
            guests = [o for o in cast.guest_orders if speaks(o.language_code)]
            buyers = [c for c in cast.customers if c.pk in cast.orders_by_customer]
            if guests and (rng.random() < 0.25 or not buyers):
                order = rng.choice(guests)
                email = order.user_email.lower()
                return None, order, email, language_of(order.language_code)
            if buyers:
                customer = rng.choice(
                    [c for c in buyers if speaks(c.language_code)] or buyers
                )
                order = rng.choice(cast.orders_by_customer[customer.pk])
                return customer, order, "", language_of(customer.language_code)
            if cast.guest_orders:
                order = rng.choice(cast.guest_orders)
                email = order.user_email.lower()
                return None, order, email, language_of(order.language_code)
        if cast.customers:
            customer = rng.choice(
                [c for c in cast.customers if speaks(c.language_code)] or cast.customers
            )
            return customer, None, "", language_of(customer.language_code)
        email, _name, language = next(
            row for row in FALLBACK_CUSTOMERS if row[2] == plan.language
        )
        return None, None, email, language

    def _channel_for(self, customer: Any, order: Any, to_link: Any) -> int | None:
        if order is not None:
            return order.channel_id
        if to_link is not None:
            return to_link.channel_id
        orders = self.cast.orders_by_customer.get(getattr(customer, "pk", None) or 0)
        if orders:
            return orders[-1].channel_id
        return self.cast.active_channel_ids[0] if self.cast.active_channel_ids else None

    def _lines(self, order: Any) -> list[tuple[Any, int]]:
        lines = list(order.lines.all())
        chosen = self.rng.sample(lines, min(len(lines), self.rng.choice([1, 1, 2])))
        return [(line, self.rng.randint(1, max(line.quantity, 1))) for line in chosen]

    def _names(self, customer: Any, guest_email: str) -> tuple[str, str]:
        if customer is not None:
            first = (customer.first_name or "").strip()
            full = f"{first} {(customer.last_name or '').strip()}".strip()
            return first, full
        parts = [p.capitalize() for p in guest_email.split("@")[0].split(".") if p]
        return (parts[0] if parts else ""), " ".join(parts)

    def _file(self, what: str, language: str, values: dict[str, str]) -> Any:
        n = self.rng.randint(1000, 9999)
        if what == "photo":
            return SimpleUploadedFile(f"IMG_{n}.png", png_bytes(self.rng), "image/png")
        name = FILE_NAMES[language][what].format(n=n, order=values["order"] or n)
        if what == "screenshot":
            return SimpleUploadedFile(name, png_bytes(self.rng, 64, 40), "image/png")
        title = {
            "statement": "Kontoauszug / Bank statement",
            "return_label": "Retourenschein / Return label",
            "delivery_note": "Lieferschein / Delivery note",
            "call_notes": "Gesprächsnotiz / Call notes",
        }[what]
        lines = [title, values["name"]]
        if values["order"]:
            lines.append(f"Bestellung / Order {values['order']}")
        return SimpleUploadedFile(name, pdf_bytes(lines), "application/pdf")

    # Wording.

    def _customer_sign_off(self, language: str, values: dict[str, str]) -> str:
        return SIGN_OFFS[language][0].format(**values) if values["first"] else ""

    def _staff_text(self, thread: Thread, body: str, agent: Any) -> str:
        values = thread.values
        named, anonymous = GREETINGS[thread.language]
        greeting = named if values["name"] else anonymous
        sign_off = SIGN_OFFS[thread.language][1].format(
            agent=(agent.first_name or "").strip() or "Support"
        )
        return f"<p>{greeting.format(**values)}</p>{body.format(**values)}{sign_off}"

    # Steps.

    def _wait(self, thread: Thread, low: float, high: float) -> None:
        hours = self.rng.uniform(low, high)
        shift_ticket(thread.ticket_id, hours)
        thread.waited += hours

    def _reply(
        self,
        thread: Thread,
        body: str,
        status: str | None = None,
        files: tuple[Any, ...] = (),
    ) -> None:
        add_comment(
            staff_actor(thread.agent),
            thread.ticket_id,
            self._staff_text(thread, body, thread.agent),
            attachments=files,
            status_id=self.statuses[status].pk if status else None,
        )

    def _note(self, thread: Thread, body: str, files: tuple[Any, ...] = ()) -> None:
        add_comment(
            staff_actor(thread.agent),
            thread.ticket_id,
            f"<p>{body.format(**thread.values, case=self.rng.randint(10000, 99999))}</p>",
            internal=True,
            attachments=files,
        )

    def _customer_says(
        self, thread: Thread, key: str, files: tuple[Any, ...] = ()
    ) -> bool:
        if thread.customer is None:
            return False
        body = FOLLOW_UPS[thread.language][key]
        body += self._customer_sign_off(thread.language, thread.values)
        add_comment(thread.customer, thread.ticket_id, body, attachments=files)
        return True

    def _move(self, thread: Thread, status: str) -> None:
        change_status(
            staff_actor(thread.agent), thread.ticket_id, self.statuses[status].pk
        )

    def _priority(self, thread: Thread, slug: str) -> None:
        if slug in self.priorities:
            change_priority(
                staff_actor(thread.agent), thread.ticket_id, self.priorities[slug].pk
            )

    def _triage(self, thread: Thread, assign: float = 0.7) -> None:
        """An agent picks the ticket up: assigns it, links the order, sets priority."""
        rng = self.rng
        self._wait(thread, 0.5, 6)
        ticket = Ticket.objects.get(pk=thread.ticket_id)
        if ticket.assignee_id is None and rng.random() < assign:
            assign_ticket(staff_actor(thread.agent), ticket.pk, thread.agent.pk)
        if thread.order_to_link is not None and ticket.order_id is None:
            link_order(staff_actor(thread.agent), ticket.pk, thread.order_to_link.pk)
            thread.order = thread.order_to_link
            thread.values["order"] = str(thread.order.number)
        if thread.kind in (TicketKind.COMPLAINT, TicketKind.ORDER_PROBLEM):
            if rng.random() < 0.4:
                self._priority(thread, rng.choice(["high", "high", "urgent"]))
        elif rng.random() < 0.15:
            self._priority(thread, "low")
        if rng.random() < 0.35:
            self._note(thread, rng.choice(TRIAGE_NOTES[thread.language]))

    def _decide(self, thread: Thread) -> str | None:
        if thread.kind != TicketKind.COMPLAINT:
            return None
        requested = thread.text.resolution or ComplaintDecision.REFUND
        decision = self.rng.choices(
            [requested, ComplaintDecision.CREDIT, ComplaintDecision.REJECTED], [8, 1, 1]
        )[0]
        decide_complaint(
            staff_actor(thread.agent),
            thread.ticket_id,
            decision,
            DECISION_NOTES[thread.language][ComplaintDecision(decision)],
        )
        return decision

    def _answer(self, thread: Thread, status: str) -> None:
        """Settle the matter: decide a complaint, reply with the answer."""
        decision = self._decide(thread)
        files: tuple[Any, ...] = ()
        if decision is not None:
            body = DECISION_REPLIES[thread.language][ComplaintDecision(decision)]
            if decision == ComplaintDecision.REPAIR:
                files = (self._file("return_label", thread.language, thread.values),)
        else:
            body = thread.text.answer
            if thread.text.category == "withdrawal":
                files = (self._file("return_label", thread.language, thread.values),)
        self._reply(thread, body, status, files)

    # One flow per status the ticket ends in.

    def _flow_new(self, thread: Thread) -> None:
        if self.rng.random() < 0.5:
            self._wait(thread, 0.5, 6)
            if thread.kind == TicketKind.COMPLAINT:
                photo = (self._file("photo", thread.language, thread.values),)
                self._customer_says(thread, "addendum", photo)
            else:
                self._customer_says(thread, "reminder")
        if self.rng.random() < 0.3:
            self._wait(thread, 0.2, 2)
            self._note(thread, self.rng.choice(TRIAGE_NOTES[thread.language]))

    def _flow_open(self, thread: Thread) -> None:
        self._triage(thread)
        variant = self.rng.random()
        may_reopen = channel_settings(self._channel_id(thread)).customer_may_reopen
        if thread.customer is not None and variant < 0.45:
            self._answer(thread, "answered")
            self._wait(thread, 2, 30)
            self._customer_says(thread, "question")
        elif thread.customer is not None and variant < 0.7 and may_reopen:
            self._answer(thread, "answered")
            self._wait(thread, 1, 24)
            close_ticket(staff_actor(thread.agent), thread.ticket_id)
            self._wait(thread, 24, 96)
            self._customer_says(thread, "again")
        else:
            # Decided, not yet told: the decision waits for the reply.
            self._decide(thread)
            self._note(thread, self.rng.choice(TRIAGE_NOTES[thread.language]))
            self._move(thread, "open")

    def _flow_in_progress(self, thread: Thread) -> None:
        self._triage(thread, assign=1.0)
        key = "stock" if thread.kind == TicketKind.COMPLAINT else "refund"
        if thread.kind in (TicketKind.COMPLAINT, TicketKind.REFUND_REQUEST):
            self._note(thread, NOTES[thread.language][key])
        else:
            self._note(thread, self.rng.choice(TRIAGE_NOTES[thread.language]))
        self._wait(thread, 0.2, 4)
        if self.rng.random() < 0.5:
            self._reply(thread, REPLIES[thread.language]["working"], "in_progress")
        else:
            self._move(thread, "in_progress")
        if self.rng.random() < 0.3:
            self._wait(thread, 24, 72)
            self._customer_says(thread, "reminder")

    def _flow_waiting_customer(self, thread: Thread) -> None:
        self._triage(thread)
        self._reply(thread, ASK[thread.language][thread.kind], "waiting_customer")

    def _flow_answered(self, thread: Thread) -> None:
        self._triage(thread)
        self._answer(thread, "answered")

    def _flow_waiting_1(self, thread: Thread) -> None:
        """Waiting for the manufacturer (or another team): an internal state the
        customer sees as "in progress". Handed to the colleague who deals with it."""
        self._triage(thread, assign=1.0)
        notes = NOTES[thread.language]
        if thread.order is not None:
            scan = (self._file("delivery_note", thread.language, thread.values),)
            self._note(thread, notes["supplier"], scan)
        else:
            call_notes = (self._file("call_notes", thread.language, thread.values),)
            self._note(thread, notes["team"], call_notes)
        colleagues = [a for a in self.cast.agents if a.pk != thread.agent.pk]
        if colleagues:
            colleague = self.rng.choice(colleagues)
            name = colleague.first_name or colleague.email
            forward_ticket(
                staff_actor(thread.agent),
                thread.ticket_id,
                message=f"<p>{notes['forward'].format(colleague=name)}</p>",
                to_user_id=colleague.pk,
            )
            thread.agent = colleague
        self._wait(thread, 1, 8)
        reply = "supplier" if thread.order is not None else "working"
        self._reply(thread, REPLIES[thread.language][reply], "waiting_1")

    def _flow_waiting_2(self, thread: Thread) -> None:
        """Waiting for the carrier's trace (or another team): internal too."""
        self._triage(thread, assign=1.0)
        carrier = thread.kind in (TicketKind.ORDER_PROBLEM, TicketKind.COMPLAINT)
        if carrier:
            self._priority(thread, "high")
        reply = "carrier" if carrier else "working"
        self._reply(thread, REPLIES[thread.language][reply], "in_progress")
        self._note(thread, NOTES[thread.language]["carrier" if carrier else "team"])
        self._move(thread, "waiting_2")

    def _flow_closed(self, thread: Thread) -> None:
        self._triage(thread)
        variant = self.rng.random()
        may_close = channel_settings(self._channel_id(thread)).customer_may_close
        if thread.customer is not None and variant < 0.3 and may_close:
            self._answer(thread, "answered")
            self._wait(thread, 2, 48)
            self._customer_says(thread, "thanks")
            close_ticket(thread.customer, thread.ticket_id)
        elif thread.customer is not None and variant < 0.7:
            self._answer(thread, "answered")
            self._wait(thread, 2, 48)
            self._customer_says(thread, "thanks")
            self._wait(thread, 1, 8)
            self._reply(thread, REPLIES[thread.language]["closing"])
            close_ticket(staff_actor(thread.agent), thread.ticket_id)
        else:
            self._answer(thread, "closed")

    def _channel_id(self, thread: Thread) -> int | None:
        return Ticket.objects.values_list("channel_id", flat=True).get(
            pk=thread.ticket_id
        )

    # A customer who wrote twice: the second ticket is merged into the first.

    def _open_duplicate(self, plan: Plan) -> Thread | None:
        open_tickets = Ticket.objects.filter(
            pk__in=[pk for pks in self.by_customer.values() for pk in pks],
            merged_into__isnull=True,
            merged_tickets__isnull=True,
        ).exclude(status__group="closed")
        candidates = list(open_tickets.select_related("customer").order_by("pk"))
        if not candidates:
            return None
        target = self.rng.choice(candidates)
        customer = target.customer
        language = language_of(target.language_code)
        first_name, full_name = self._names(customer, "")
        values = {"product": "", "order": "", "first": first_name, "name": full_name}
        body = FOLLOW_UPS[language]["duplicate"] + self._customer_sign_off(
            language, values
        )
        actor = Actor.customer(customer)
        ticket = create_ticket(
            actor,
            NewTicket(
                subject=DUPLICATE_PREFIX[language] + target.subject,
                body=body,
                kind=target.kind,
                channel_id=target.channel_id,
                order_id=target.order_id,
            ),
        )
        agent = next(
            (a for a in self.cast.agents if a.pk == target.assignee_id),
            self.rng.choice(self.cast.agents),
        )
        return Thread(
            ticket_id=ticket.pk,
            kind=target.kind,
            language=language,
            text=Text("", "", "", ""),
            agent=agent,
            customer=actor,
            values=values,
            extras={"target": target.pk},
        )

    def _flow_merged(self, thread: Thread) -> None:
        self._wait(thread, 1, 12)
        source = thread.ticket_id
        # The merge moves these rows to the target; remember them to date them.
        thread.extras["moved"] = {
            model: list(
                model.objects.filter(ticket_id=source).values_list("pk", flat=True)
            )
            for model in (Comment, Attachment, TicketEvent)
        }
        thread.extras["merged_at"] = timezone.now()
        merge_tickets(staff_actor(thread.agent), source, thread.extras["target"])

    def _shift_merged(self, thread: Thread, hours: float) -> None:
        """Date what the merge moved to, or wrote on, the target like the source."""
        delta = timedelta(hours=hours)
        target, since = thread.extras["target"], thread.extras["merged_at"]
        moved = thread.extras["moved"]
        Comment.objects.filter(pk__in=moved[Comment]).update(
            created_at=F("created_at") - delta
        )
        Attachment.objects.filter(pk__in=moved[Attachment]).update(
            created_at=F("created_at") - delta
        )
        TicketEvent.objects.filter(
            Q(pk__in=moved[TicketEvent]) | Q(ticket_id=target, date__gte=since)
        ).update(date=F("date") - delta)
        latest = TicketEvent.objects.filter(ticket_id=target).aggregate(at=Max("date"))
        Ticket.objects.filter(pk=target).update(
            last_activity_at=latest["at"], updated_at=latest["at"]
        )

    # Summary.

    def _summary(self) -> None:
        tickets = Ticket.objects.all()
        by_status = dict(
            tickets.values_list("status__slug").annotate(n=Count("pk")).order_by()
        )
        by_kind = dict(tickets.values_list("kind").annotate(n=Count("pk")).order_by())
        comments = Comment.objects.all()
        internal = comments.filter(visibility=CommentVisibility.INTERNAL).count()
        complaints = Complaint.objects.all()
        lines = [f"Helpdesk tickets: {tickets.count()}", "  by status:"]
        for status in TicketStatus.objects.order_by("position", "pk"):
            lines.append(f"    {status.slug:<18}{by_status.get(status.slug, 0):>4}")
        lines.append("  by kind:")
        for kind in KINDS:
            lines.append(f"    {kind:<18}{by_kind.get(kind, 0):>4}")
        lines += [
            f"  public replies: {comments.count() - internal}, internal notes: {internal}",
            f"  attachments: {Attachment.objects.count()}",
            f"  complaints: {complaints.count()} "
            f"({complaints.exclude(decision=ComplaintDecision.PENDING).count()} decided), "
            f"complaint lines: {TicketLine.objects.count()}",
            f"  merged: {tickets.filter(merged_into__isnull=False).count()}, "
            f"German: {tickets.filter(language_code__startswith='de').count()}, "
            f"English: {tickets.filter(language_code__startswith='en').count()}",
            f"  support agents: {SupportAgent.objects.filter(is_active=True).count()}",
        ]
        self.stdout.write("\n".join(lines))
