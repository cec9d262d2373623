"""The GraphQL endpoint below the plugin: `…/plugins/global/saleor.helpdesk/graphql/`.

POST with JSON, or multipart following the GraphQL multipart request spec (file
uploads); GET serves the explorer when the shop runs with DEBUG. The body's shape, the
query's text, the document's limits (`core/limits.py`), validation and the variables'
values are checked before authentication, so a refused request touches no database;
each of those refusals is a 400. Every check is linear in the request's size and none
recurses without a bound, so no body Django accepts (DATA_UPLOAD_MAX_MEMORY_SIZE) holds
a worker for long or ends in a server error. Validation adds one rule to the
specification's: no NUL character in text (`core/validation.py`). A document that
passed is kept by its text (`core/documents.py`, as Saleor keeps its own), so a client
sending the same query again skips parsing and validation, not the variables' checks.
"""

import json
import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError

from graphql import GraphQLError, parse, validate
from graphql.error import format_error
from graphql.execution import execute
from graphql.language import ast

from ..host import AuthenticationError, get_host
from .core.context import HelpdeskContext
from .core.documents import remember_valid, valid_document
from .core.limits import (
    MAX_JSON_DEPTH,
    LimitError,
    check_json,
    check_json_text,
    check_limits,
    check_pagination_arguments,
    check_text,
)
from .core.validation import VALIDATION_RULES
from .core.variables import check_variables
from .explorer import explorer_page
from .schema import schema

logger = logging.getLogger(__name__)


def _errors(status: int, message: str, code: str) -> JsonResponse:
    return JsonResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]}, status=status
    )


def handle_graphql(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        if settings.DEBUG:
            return HttpResponse(explorer_page(request.path))
        return _errors(405, "Send GraphQL requests with POST.", "METHOD_NOT_ALLOWED")
    if request.method != "POST":
        return _errors(405, "Send GraphQL requests with POST.", "METHOD_NOT_ALLOWED")
    try:
        params = _params(request)
    except ValueError as error:
        return _errors(400, str(error), "BAD_REQUEST")
    except LimitError as error:
        return _errors(400, str(error), error.code.upper())
    except (SuspiciousOperation, MultiPartParserError) as error:
        # Django's own bounds (DATA_UPLOAD_MAX_MEMORY_SIZE, the number of fields and
        # files) and a multipart body it cannot read.
        return _errors(400, f"The request cannot be read: {error}", "BAD_REQUEST")
    query, variables, operation_name = params
    # A text that was valid before skips the text bounds, parsing and validation;
    # the checks that read the variables run on every request.
    document = valid_document(query)
    validated = document is not None
    try:
        if document is None:
            check_text(query)
            document = parse(query)
        check_limits(document, variables)
    except GraphQLError as error:
        return _request_errors([error])
    except LimitError as error:
        return _errors(400, str(error), error.code.upper())
    except RecursionError:
        # check_text bounds the brackets the parser recurses into; this is the
        # backstop should a text ever get past it.
        return _errors(400, "The query is nested too deeply.", "QUERY_DEPTH")
    if not validated:
        try:
            validation_errors = validate(schema, document, VALIDATION_RULES)
        except RecursionError:
            # check_limits bounds the nesting graphql-core's rules recurse into; this
            # is the backstop should a document ever get past it.
            return _errors(400, "The query is nested too deeply.", "QUERY_DEPTH")
        if validation_errors:
            return _request_errors(validation_errors)
        remember_valid(query, document)
    (operation,) = (
        d for d in document.definitions if isinstance(d, ast.OperationDefinition)
    )  # check_limits allows exactly one
    if operation_name and operation_name != (
        operation.name.value if operation.name else None
    ):
        # graphql-core says so too (an empty name it takes for none), but only inside
        # execute(), after authentication.
        return _request_errors(
            [GraphQLError(f'Unknown operation named "{operation_name}".')]
        )
    variable_errors = check_variables(schema, operation, variables)
    if variable_errors:
        return _request_errors(variable_errors)
    try:
        check_pagination_arguments(schema, document, variables)
    except LimitError as error:
        return _errors(400, str(error), error.code.upper())
    try:
        actor = get_host().authenticate(request)
    except AuthenticationError as error:
        return _errors(401, str(error), "INVALID_TOKEN")
    try:
        result: Any = execute(
            schema,
            document,
            context_value=HelpdeskContext(
                request=request, actor=actor, variables=variables
            ),
            variable_values=variables,
            operation_name=operation_name,
        )
    except GraphQLError as error:
        # graphql-core raises, rather than returns, the request errors it finds while
        # preparing the operation, before any resolver runs: an `operationName` that
        # names no operation, or a variable value it refuses (check_variables has
        # refused those already). Errors of resolvers never arrive here: execute()
        # collects them in `result.errors`, and anything else it raises is a bug that
        # stays a logged server error.
        return _request_errors([error])
    body: dict[str, Any] = {"data": result.data}
    if result.errors:
        body["errors"] = [_format(error) for error in result.errors]
    return JsonResponse(body)


def _request_errors(errors: list[GraphQLError]) -> JsonResponse:
    """A request that cannot run (invalid document or variables): 400, no data."""
    return JsonResponse({"errors": [format_error(e) for e in errors]}, status=400)


def _format(error: Exception) -> dict[str, Any]:
    formatted = format_error(error)
    original = getattr(error, "original_error", None)
    if original is not None and not isinstance(original, GraphQLError):
        # Never leak internals of an unexpected failure to the caller; log them.
        logger.error("Helpdesk GraphQL error: %s", original, exc_info=original)
        formatted["message"] = "Internal error."
        formatted["extensions"] = {"code": "INTERNAL_ERROR"}
    return formatted


def _params(request: HttpRequest) -> tuple[str, dict[str, Any], str | None]:
    content_type = request.content_type or ""
    if content_type.startswith("multipart/form-data"):
        operations = _json(request.POST.get("operations"), "operations")
        files_map = _json(request.POST.get("map", "{}"), "map")
        _place_files(operations, files_map, request)
    elif content_type.startswith("application/json"):
        try:
            text = request.body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValueError("The body is not UTF-8 text.") from error
        operations = _json(text or "null", "body")
    else:
        raise ValueError("Send JSON (application/json) or a multipart upload.")
    if isinstance(operations, list):
        raise ValueError("Batched requests are not supported: send one operation.")
    if not isinstance(operations, dict) or not isinstance(operations.get("query"), str):
        raise ValueError("The request must contain a `query` string.")
    variables = operations.get("variables") or {}
    if not isinstance(variables, dict):
        raise ValueError("`variables` must be an object.")
    name = operations.get("operationName")
    return operations["query"], variables, name if isinstance(name, str) else None


def _json(raw: str | None, what: str) -> Any:
    """The JSON value of `raw`, within the bounds of `check_json`."""
    if raw is None:
        raise ValueError(f"The multipart request has no `{what}` part.")
    check_json_text(raw, what)
    try:
        value = json.loads(raw)
    except RecursionError as error:
        # The decoder recurses once per level; far below the interpreter's limit,
        # check_json refuses the value anyway.
        raise LimitError(
            f"`{what}` nests lists and objects deeper than {MAX_JSON_DEPTH} levels.",
            "json_depth",
        ) from error
    except ValueError as error:
        # JSONDecodeError, and an integer of more than 4,300 digits.
        raise ValueError(f"`{what}` is not valid JSON.") from error
    check_json(value, what)
    return value


def _place_files(operations: Any, files_map: Any, request: HttpRequest) -> None:
    """Put each uploaded file where the `map` part says, as the GraphQL multipart
    request spec has it: `{"0": ["variables.input.files.0"]}` puts the part named `0`
    at `variables.input.files[0]`. A path must lead, key by key and index by index, to
    a place that exists in the operation's variables (where the client wrote null);
    anything else is refused, naming the problem."""
    if not isinstance(files_map, dict):
        raise ValueError("`map` must be an object.")
    for key, paths in files_map.items():
        upload = request.FILES.get(key)
        if upload is None:
            raise ValueError(f"The file `{key}` named in `map` was not sent.")
        if not isinstance(paths, list):
            raise ValueError(f"`map` must give a list of paths for the file `{key}`.")
        for path in paths:
            if not isinstance(path, str):
                raise ValueError(
                    f"`map` must give the paths of the file `{key}` as strings."
                )
            container, place = _file_place(operations, path)
            container[place] = upload


def _file_place(operations: Any, path: str) -> tuple[Any, Any]:
    """The list or object, and the index or key in it, that `path` names."""
    first, *parts = path.split(".")
    if first != "variables" or not parts:
        raise ValueError(
            f"The path `{path}` in `map` must lead into the variables "
            "(`variables.<name>…`)."
        )
    container = operations.get("variables") if isinstance(operations, dict) else None
    walked = first
    for index, part in enumerate(parts):
        place: Any = part
        if isinstance(container, list):
            place = int(part) if part.isdecimal() and part.isascii() else None
            if place is None or place >= len(container):
                raise ValueError(
                    f"The path `{path}` in `map` names item `{part}` of "
                    f"`{walked}`, which has {len(container)} items."
                )
        elif not isinstance(container, dict):
            raise ValueError(
                f"The path `{path}` in `map` leads through `{walked}`, which is not an "
                "object or a list in the variables."
            )
        elif part not in container:
            raise ValueError(
                f"The path `{path}` in `map` names `{part}`, which `{walked}` does not "
                "have (send null where the file goes)."
            )
        if index == len(parts) - 1:
            return container, place
        container = container[place]
        walked = f"{walked}.{part}"
    raise AssertionError("unreachable: parts is not empty")
