"""What the customer reads about the survey, in German and English: the block the
closing e-mail ends with, and the survey page."""

LANGUAGES = ("de", "en")

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "question": "Wie zufrieden waren Sie mit unserer Hilfe?",
        "scale": "Klicken Sie auf eine Zahl: 1 = gar nicht zufrieden, 5 = sehr "
        "zufrieden.",
        "title": "Wie war unser Service?",
        "ticket": "Ticket #{number}: {subject}",
        "score": "Ihre Bewertung",
        "comment": "Möchten Sie uns noch etwas sagen? (freiwillig)",
        "submit": "Bewertung senden",
        "thanks_title": "Vielen Dank!",
        "thanks": "Ihre Bewertung ist angekommen. Sie hilft uns, besser zu werden.",
        "already_title": "Bereits bewertet",
        "already": "Für dieses Ticket haben wir schon eine Bewertung erhalten. "
        "Vielen Dank!",
        "invalid_title": "Link ungültig",
        "invalid": "Dieser Link ist ungültig. Bitte verwenden Sie den Link aus "
        "unserer E-Mail unverändert.",
        "expired_title": "Link abgelaufen",
        "expired": "Dieser Link ist abgelaufen. Die Bewertung ist nicht mehr möglich.",
        "closed_title": "Bewertung nicht möglich",
        "not_closed": "Dieses Ticket ist wieder in Bearbeitung. Sie können es "
        "bewerten, sobald es abgeschlossen ist.",
        "disabled": "Dieser Shop bittet derzeit nicht um Bewertungen.",
        "score_missing": "Bitte wählen Sie eine Bewertung von 1 bis 5.",
        "comment_too_long": "Ihr Kommentar ist zu lang (höchstens {limit} Zeichen).",
        "1": "1 - gar nicht zufrieden",
        "2": "2 - wenig zufrieden",
        "3": "3 - teils, teils",
        "4": "4 - zufrieden",
        "5": "5 - sehr zufrieden",
    },
    "en": {
        "question": "How did we do?",
        "scale": "Click a number: 1 = not satisfied at all, 5 = very satisfied.",
        "title": "How did we do?",
        "ticket": "Ticket #{number}: {subject}",
        "score": "Your rating",
        "comment": "Anything else you would like to tell us? (optional)",
        "submit": "Send rating",
        "thanks_title": "Thank you!",
        "thanks": "We have received your rating. It helps us get better.",
        "already_title": "Already rated",
        "already": "We have already received a rating for this ticket. Thank you!",
        "invalid_title": "Invalid link",
        "invalid": "This link is not valid. Please use the link from our e-mail "
        "exactly as it is.",
        "expired_title": "Link expired",
        "expired": "This link has expired. The ticket can no longer be rated.",
        "closed_title": "Rating not possible",
        "not_closed": "This ticket is being worked on again. You can rate it once it "
        "is closed.",
        "disabled": "This shop is not asking for ratings at the moment.",
        "score_missing": "Please choose a rating from 1 to 5.",
        "comment_too_long": "Your comment is too long (at most {limit} characters).",
        "1": "1 - not satisfied at all",
        "2": "2 - not very satisfied",
        "3": "3 - so-so",
        "4": "4 - satisfied",
        "5": "5 - very satisfied",
    },
}


def language_for(language_code: str | None) -> str:
    """ "de" for "de-AT" and "de_CH"; English where the language is neither."""
    language = (language_code or "").strip().lower().replace("_", "-").split("-")[0]
    return language if language in TEXTS else "en"


def texts_for(language_code: str | None) -> dict[str, str]:
    """The texts in the reader's language; English where it is neither."""
    return TEXTS[language_for(language_code)]
