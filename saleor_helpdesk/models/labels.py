from django.db import models

DEFAULT_LANGUAGE = "en"


class Labelled(models.Model):
    """A configuration row with a label per language.

    `translations` maps a language code ("de", "en", …) to the label; another language is
    added by adding a key, with no migration. `name` is the fallback.
    """

    name = models.CharField(max_length=128)
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True

    def label(self, language_code: str | None = None) -> str:
        if language_code:
            code = language_code.lower().replace("_", "-")
            for candidate in (code, code.split("-")[0]):
                if value := self.translations.get(candidate):
                    return str(value)
        return str(self.translations.get(DEFAULT_LANGUAGE) or self.name)
