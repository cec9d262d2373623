"""What customers write and what the team answers, in German and English.

Bodies are HTML fragments with placeholders such as `{product}`, `{order}`, `{first}`
and `{name}`, filled in per ticket. Staff replies get a greeting and a sign-off around
them; customers' messages get the customer's sign-off.
"""

from dataclasses import dataclass

from ..core.constants import ComplaintDecision, TicketKind


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


# Canned replies for the reply box: (name, language, kind, body). Kind "" fits any.
RESPONSE_TEMPLATES = [
    (
        "Reklamation: Erstattung",
        "de",
        "complaint",
        "<p>Hallo {{ customer.first_name }},</p><p>das tut uns leid. Wir erstatten "
        "Ihnen die beanstandeten Artikel aus Bestellung {{ order.number }}; die "
        "Gutschrift erscheint in wenigen Tagen auf Ihrem Zahlungsmittel.</p>"
        "<p>Viele Grüße<br>{{ agent.name }}</p>",
    ),
    (
        "Complaint: refund",
        "en",
        "complaint",
        "<p>Hello {{ customer.first_name }},</p><p>we're sorry about that. We are "
        "refunding the items from order {{ order.number }} you told us about; the "
        "money will be back on your payment method within a few days.</p>"
        "<p>Best regards,<br>{{ agent.name }}</p>",
    ),
    (
        "Rückfrage: Fotos",
        "de",
        "",
        "<p>Hallo {{ customer.first_name }},</p><p>damit wir Ticket "
        "{{ ticket.number }} schnell bearbeiten können: Können Sie uns Fotos der Ware "
        "und der Verpackung schicken?</p><p>Danke!<br>{{ agent.name }}</p>",
    ),
    (
        "Follow-up: photos",
        "en",
        "",
        "<p>Hello {{ customer.first_name }},</p><p>to get ticket {{ ticket.number }} "
        "sorted quickly: could you send us photos of the item and its packaging?</p>"
        "<p>Thank you!<br>{{ agent.name }}</p>",
    ),
]

# A conversation by e-mail (`mail.py`): plain text, as mail programs send it. The
# customer's reply quotes our answer the way their mail program does; the intake cuts
# the quote off. `{partner}` is someone else of the household, writing from an address
# the ticket does not know.
MAIL = {
    "de": {
        "subject": "Bestellung {order}: Teil fehlt",
        "first": "Hallo,\n\nin meiner Bestellung {order} war {product} leider nicht "
        "vollständig: Der Deckel fehlt. Können Sie ihn bitte nachschicken?\n\n"
        "Viele Grüße\n{name}\n\n-- \nVon meinem iPhone gesendet\n",
        "answer": "<p>danke für Ihre Nachricht! Der Deckel geht heute noch mit DHL an "
        "Sie raus; die Sendungsnummer kommt per E-Mail.</p>",
        "reply": "Super, vielen Dank für die schnelle Hilfe!\n\n{first}\n\n"
        "Am {date} schrieb Kundenservice <{mailbox}>:\n> Hallo {name},\n>\n"
        "> danke für Ihre Nachricht! Der Deckel geht heute noch mit DHL an Sie raus.\n",
        "away": "Ich bin bis Montag nicht im Büro und lese meine E-Mails danach.\n",
        "away_subject": "Abwesenheitsnotiz: {subject}",
        "partner": "Hallo,\n\nich schreibe für {first}: Der Deckel ist noch nicht "
        "angekommen. Können Sie ihn bitte an meine Büroadresse schicken? "
        "Musterstraße 12, 10115 Berlin.\n\nDanke!\n{partner}\n",
        "partner_first": "Sabine",
    },
    "en": {
        "subject": "Order {order}: part missing",
        "first": "Hello,\n\nmy order {order} arrived, but {product} is not complete: "
        "the lid is missing. Could you send it, please?\n\nThanks,\n{name}\n\n"
        "-- \nSent from my iPhone\n",
        "answer": "<p>thanks for letting us know! The lid goes out with UPS today; "
        "you will get the tracking number by e-mail.</p>",
        "reply": "Great, thank you for the quick help!\n\n{first}\n\n"
        "On {date}, Customer service <{mailbox}> wrote:\n> Hi {first},\n>\n"
        "> thanks for letting us know! The lid goes out with UPS today.\n",
        "away": "I am out of the office until Monday and will read my e-mail then.\n",
        "away_subject": "Out of office: {subject}",
        "partner": "Hi,\n\nI'm writing for {first}: the lid has not arrived yet. "
        "Could you send it to my office instead? 12 Sample Street, London.\n\n"
        "Thanks!\n{partner}\n",
        "partner_first": "Sam",
    },
}
MAILBOX = ("Kundenservice", "kundenservice@example.com")
