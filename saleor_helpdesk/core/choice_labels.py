"""Labels of the fixed choices (kinds, reasons, resolutions, decisions) per language.

English comes from the choices themselves; other languages are added here. Labels that
merchants configure (statuses, categories, …) live in the database instead.
"""

from django.db.models import TextChoices

GERMAN = {
    # kinds
    "question": "Frage",
    "complaint": "Reklamation",
    "refund_request": "Rückerstattung",
    "order_problem": "Problem mit der Bestellung",
    "other": "Sonstiges",
    # complaint reasons
    "defective": "Defekt",
    "damaged_in_transit": "Transportschaden",
    "wrong_item": "Falscher Artikel",
    "missing_item": "Artikel fehlt",
    "not_as_described": "Nicht wie beschrieben",
    "not_delivered": "Nicht geliefert",
    # resolutions and decisions
    "refund": "Rückerstattung",
    "replacement": "Ersatz",
    "repair": "Reparatur",
    "credit": "Gutschrift",
    "pending": "Offen",
    "rejected": "Abgelehnt",
}

LABELS = {"de": GERMAN}


def choice_label(
    choices: type[TextChoices], value: str, language_code: str | None
) -> str:
    language = (language_code or "en").lower().replace("_", "-").split("-")[0]
    translated = LABELS.get(language, {}).get(value)
    if translated:
        return translated
    return str(dict(choices.choices).get(value, value))
