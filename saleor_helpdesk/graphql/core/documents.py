"""Documents that passed the text bounds, parsing and validation, by query text.

A client sends the same few documents again and again (the Dashboard its inbox, a
storefront its ticket page): parsing and validating one costs more than running it
for a small page. Saleor keeps its own documents the same way (`GraphQLCachedBackend`
with a `CacheDict(1000)` in `saleor/graphql/api.py`). Validation depends on the schema
and the text only, so a valid document stays valid; the checks that read the request's
variables (limits, variables, pagination) still run on every request.

The cache is bounded in entries and in the length of a text it keeps, so no sequence of
requests can grow it beyond a few megabytes; a document that was refused is never kept.
"""

import threading
from collections import OrderedDict

from graphql.language import ast

MAX_ENTRIES = 200
# The Dashboard's and the storefront examples' documents are below 2,000 characters.
MAX_TEXT = 8_000

_documents: OrderedDict[str, ast.Document] = OrderedDict()
_lock = threading.Lock()


def valid_document(query: str) -> ast.Document | None:
    """The document of `query` if it was valid before, else None."""
    with _lock:
        document = _documents.get(query)
        if document is not None:
            _documents.move_to_end(query)
        return document


def remember_valid(query: str, document: ast.Document) -> None:
    """Keep a document that passed parsing and validation (short texts only)."""
    if len(query) > MAX_TEXT:
        return
    with _lock:
        _documents[query] = document
        _documents.move_to_end(query)
        while len(_documents) > MAX_ENTRIES:
            _documents.popitem(last=False)
