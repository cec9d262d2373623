"""The survey block of the closing e-mail: the question and five links, one per score.

It follows the e-mail's text (the merchant's or the shipped one) as the signature does,
so a merchant's own closing text still asks, and the links are built by the code (a
merchant's text cannot misspell a signed link)."""

import html

from .texts import texts_for


def survey_html(urls: list[str], language: str) -> str:
    if not urls:
        return ""
    texts = texts_for(language)
    links = " ".join(
        f'<a href="{html.escape(url)}" style="display:inline-block;padding:6px 12px;'
        "margin:0 4px 4px 0;border:1px solid #888;border-radius:4px;"
        f'text-decoration:none">{score}</a>'
        for score, url in enumerate(urls, start=1)
    )
    return (
        '<div class="satisfaction-survey" style="margin-top:16px">'
        f"<p><strong>{html.escape(texts['question'])}</strong><br>"
        f"{html.escape(texts['scale'])}</p><p>{links}</p></div>"
    )


def survey_text(urls: list[str], language: str) -> str:
    if not urls:
        return ""
    texts = texts_for(language)
    lines = [texts["question"], texts["scale"]]
    lines += [f"{texts[str(score)]}: {url}" for score, url in enumerate(urls, start=1)]
    return "\n".join(lines)
