"""The NUL character (U+0000) and PostgreSQL, which refuses it in `text` and `jsonb`.

psycopg raises `DataError` for a NUL in any text it sends, so a NUL that reaches a
query or a write ends the request as a server error. Where text comes in decides what
happens to a NUL in it:

- Input a client types (every text of the GraphQL API: subjects, bodies, templates,
  e-mail addresses, search words, IDs) is refused before anything runs, with an error
  that names the place: the variables' check (`graphql/core/variables.py`) and a
  validation rule for values written into the query (`graphql/core/validation.py`).
  The client can send it again without the NUL; dropping it silently would store text
  the client did not write.
- Data that arrives from elsewhere and that nobody can send again corrected is kept
  without its NUL characters: an uploaded file's name (`content/attachments.py`), a webhook
  receiver's answer (`webhooks/transport.py`), an e-mail backend's error
  (`notifications/sending.py`), an inbound e-mail's text and headers
  (`inbound/message.py`). The sanitiser's HTML parser never emits a NUL
  (`content/sanitize.py`).

Orders, customers and refunds come from Saleor's own PostgreSQL tables, which cannot
hold a NUL either.
"""

NUL = "\x00"
NUL_MESSAGE = "text must not contain the NUL character (U+0000)."


def contains_nul(value: object) -> bool:
    """Whether `value` or, for a dict or list (a JSON value), any key or item in it,
    is text with a NUL character."""
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(contains_nul(k) or contains_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(contains_nul(item) for item in value)
    return False


def strip_nul(text: str) -> str:
    return text.replace(NUL, "")
