"""The clients of a load run: threads, each with its own keep-alive HTTP connection to
the GraphQL endpoint, each writing down what the server acknowledged.

Customers open tickets and reply on their own. Staff read the inbox, reply on any
ticket of the run, move the tickets they own (number modulo the staff clients) between
working statuses, and close tickets in bulk, assigning them to themselves. Every
ticket and reply carries a marker unique to the run, the client and the request, so the
database can be checked against the journals afterwards (`checks`).
"""

import http.client
import json
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from graphene.relay import Node

from saleor_helpdesk import PLUGIN_ID

from .cast import Caller, Cast, client_roles

PATH = f"/plugins/global/{PLUGIN_ID}/graphql/"
# Refusals the API gives by design when two people act on one ticket at once: a status
# change raced by a close or a customer's reply, a reply to a ticket closed meanwhile.
EXPECTED_CODES = {"INVALID_TRANSITION", "NOT_ALLOWED_BY_POLICY", "REOPEN_WINDOW_PASSED"}
MAX_BULK = 5

CREATE = """
mutation Create($input: TicketCreateInput!) {
  ticketCreate(input: $input) { errors { code field message } ticket { id number } }
}"""
REPLY = """
mutation Reply($id: ID!, $body: String!) {
  ticketCommentAdd(id: $id, input: {body: $body}) {
    errors { code field message } comment { id } }
}"""
TICKET = "query Ticket($id: ID!) { ticket(id: $id) { status { slug } } }"
STATUS = """
mutation Status($id: ID!, $status: ID!) {
  ticketStatusUpdate(id: $id, status: $status) {
    errors { code field message } ticket { status { slug } } }
}"""
BULK = """
mutation Bulk($ids: [ID!]!, $assignee: ID!) {
  ticketBulkUpdate(ids: $ids, input: {close: true, assignee: $assignee}) {
    errors { code field message } count tickets { id status { slug } assignee { email } }
  }
}"""
INBOX = """
query Inbox { tickets(first: 25) { totalCount edges { node {
  number subject status { slug } assignee { email } lastComment { body } } } } }"""


@dataclass
class Sample:
    op: str
    ms: float
    # "ok", "refused" (an expected typed error) or "error"
    outcome: str
    detail: str = ""


@dataclass
class Journal:
    """What one client sent and what the server acknowledged."""

    samples: list[Sample] = field(default_factory=list)
    tickets: dict[str, tuple[int, int]] = field(default_factory=dict)  # marker: pk, no.
    comments: dict[str, int] = field(default_factory=dict)  # marker: ticket pk
    # Markers of writes refused with a typed error (never written) and of writes whose
    # request failed (written or not: the server did not say).
    refused: set[str] = field(default_factory=set)
    uncertain: set[str] = field(default_factory=set)
    # (staff user, ticket): the statuses acknowledged, in order; and those asked for
    # in requests that failed.
    status_changes: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    status_uncertain: Counter[tuple[int, int]] = field(default_factory=Counter)
    # (staff user, ticket): acknowledged bulk closes, and failed bulk requests.
    bulk_closes: Counter[tuple[int, int]] = field(default_factory=Counter)
    bulk_uncertain: Counter[tuple[int, int]] = field(default_factory=Counter)

    def merge(self, other: "Journal") -> None:
        self.samples += other.samples
        self.tickets |= other.tickets
        self.comments |= other.comments
        self.refused |= other.refused
        self.uncertain |= other.uncertain
        for key, targets in other.status_changes.items():
            self.status_changes.setdefault(key, []).extend(targets)
        self.status_uncertain += other.status_uncertain
        self.bulk_closes += other.bulk_closes
        self.bulk_uncertain += other.bulk_uncertain


class Board:
    """The tickets of the run so far, for the staff clients to work on."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tickets: list[tuple[int, str, int]] = []  # pk, global ID, number

    def add(self, pk: int, global_id: str, number: int) -> None:
        with self._lock:
            self._tickets.append((pk, global_id, number))

    def snapshot(self) -> list[tuple[int, str, int]]:
        with self._lock:
            return list(self._tickets)


class Answer:
    """One GraphQL answer, sorted into ok / refused / error."""

    def __init__(self, outcome: str, detail: str = "", data: Any = None) -> None:
        self.outcome, self.detail, self.data = outcome, detail, data


class Client:
    def __init__(self, base_url: str, caller: Caller, seed: int) -> None:
        url = urlparse(base_url)
        self.host, self.port = url.hostname or "127.0.0.1", url.port or 80
        self.caller = caller
        self.random = random.Random(seed)
        self.journal = Journal()
        self._connection: http.client.HTTPConnection | None = None

    def post(self, op: str, query: str, variables: dict, mutation: str = "") -> Answer:
        body = json.dumps({"query": query, "variables": variables})
        headers = {
            "Content-Type": "application/json",
            "Authorization": f"Bearer {self.caller.token}",
        }
        start = time.perf_counter()
        try:
            if self._connection is None:
                self._connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=60
                )
            self._connection.request("POST", PATH, body, headers)
            response = self._connection.getresponse()
            raw = response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as error:
            # A fresh connection for the next request.
            if self._connection is not None:
                self._connection.close()
            self._connection = None
            answer = Answer("error", f"{type(error).__name__}: {error}")
        else:
            answer = _sort(status, raw, mutation)
        ms = (time.perf_counter() - start) * 1000
        self.journal.samples.append(Sample(op, ms, answer.outcome, answer.detail))
        return answer

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()


def _sort(status: int, raw: bytes, mutation: str) -> Answer:
    if status != 200:
        return Answer("error", f"HTTP {status}")
    try:
        payload = json.loads(raw)
    except ValueError:
        return Answer("error", "not JSON")
    if payload.get("errors"):
        return Answer("error", f"GraphQL: {payload['errors'][0].get('message')}")
    data = payload.get("data") or {}
    if not mutation:
        return Answer("ok", data=data)
    result = data.get(mutation) or {}
    codes = {error["code"] for error in result.get("errors") or []}
    if not codes:
        return Answer("ok", data=result)
    if codes <= EXPECTED_CODES:
        return Answer("refused", ",".join(sorted(codes)), result)
    first = (result.get("errors") or [{}])[0]
    return Answer(
        "error", f"typed error {sorted(codes)}: {first.get('message')}", result
    )


def _pk(global_id: str) -> int:
    return int(Node.from_global_id(global_id)[1])


class Customer(Client):
    """Opens tickets and replies on them."""

    # The operation a reply is counted under, and its text (the marker is added).
    REPLY_OPERATION = "ticketCommentAdd (customer)"
    REPLY_TEXT = "Gibt es Neuigkeiten?"

    def __init__(self, base_url: str, caller: Caller, seed: int, cast: Cast, **kw: Any):
        super().__init__(base_url, caller, seed)
        self.cast = cast
        self.board: Board = kw["board"]
        self.prefix: str = kw["prefix"]
        self.own: list[tuple[int, str]] = []  # pk, global ID
        self.sequence = 0

    def marker(self, kind: str) -> str:
        """Unique to the run, the client and the request; `t` a ticket, `r` a reply."""
        self.sequence += 1
        return f"{self.prefix}-{kind}{self.sequence}"

    def step(self) -> None:
        if not self.own or self.random.random() < 0.35:
            self.create()
        else:
            self.reply(*self.random.choice(self.own))

    def create(self) -> None:
        marker = self.marker("t")
        answer = self.post(
            "ticketCreate",
            CREATE,
            {
                "input": {
                    "subject": f"Load test {marker}",
                    "body": f"<p>Meine Bestellung ist nicht angekommen. {marker}</p>",
                    "channel": self.cast.channel,
                    "kind": "QUESTION",
                }
            },
            "ticketCreate",
        )
        if answer.outcome == "ok":
            ticket = answer.data["ticket"]
            pk = _pk(ticket["id"])
            self.journal.tickets[marker] = (pk, ticket["number"])
            self.own.append((pk, ticket["id"]))
            self.board.add(pk, ticket["id"], ticket["number"])
        else:
            _note(self.journal, marker, answer)

    def reply(self, pk: int, global_id: str) -> None:
        marker = self.marker("r")
        answer = self.post(
            self.REPLY_OPERATION,
            REPLY,
            {"id": global_id, "body": f"<p>{self.REPLY_TEXT} {marker}</p>"},
            "ticketCommentAdd",
        )
        if answer.outcome == "ok":
            self.journal.comments[marker] = pk
        else:
            _note(self.journal, marker, answer)


class Staff(Customer):
    """Reads the inbox, replies, changes the status of its own share of the tickets,
    closes tickets in bulk."""

    REPLY_OPERATION = "ticketCommentAdd (staff)"
    REPLY_TEXT = "Wir kümmern uns darum."

    def __init__(self, base_url: str, caller: Caller, seed: int, cast: Cast, **kw: Any):
        super().__init__(base_url, caller, seed, cast, **kw)
        self.share: tuple[int, int] = kw["share"]  # (index, of staff clients)
        self.user_gid = Node.to_global_id("User", str(caller.user_id))

    def step(self) -> None:
        tickets = self.board.snapshot()
        roll = self.random.random()
        if not tickets or roll < 0.15:
            self.post("tickets (staff inbox)", INBOX, {})
        elif roll < 0.55:
            self.reply(*self.random.choice(tickets)[:2])
        elif roll < 0.88:
            index, count = self.share
            mine = [ticket for ticket in tickets if ticket[2] % count == index]
            if mine:
                self.change_status(*self.random.choice(mine)[:2])
        else:
            picked = self.random.sample(tickets, min(MAX_BULK, len(tickets)))
            self.bulk_close([(pk, gid) for pk, gid, _number in picked])

    def change_status(self, pk: int, global_id: str) -> None:
        # As in the Dashboard: the ticket page first, then one of the moves it offers.
        seen = self.post("ticket (staff)", TICKET, {"id": global_id})
        if seen.outcome != "ok" or not seen.data.get("ticket"):
            return
        current = seen.data["ticket"]["status"]["slug"]
        choices = [
            slug for slug in self.cast.targets.get(current, []) if slug != current
        ]
        if not choices:
            return
        target = self.random.choice(choices)
        key = (self.caller.user_id, pk)
        answer = self.post(
            "ticketStatusUpdate",
            STATUS,
            {
                "id": global_id,
                "status": Node.to_global_id(
                    "TicketStatus", str(self.cast.status_ids[target])
                ),
            },
            "ticketStatusUpdate",
        )
        if answer.outcome == "ok":
            got = answer.data["ticket"]["status"]["slug"]
            if got != target:
                self._mismatch(f"status {target} acknowledged as {got}")
            self.journal.status_changes.setdefault(key, []).append(target)
        elif answer.outcome == "error":
            self.journal.status_uncertain[key] += 1

    def bulk_close(self, picked: list[tuple[int, str]]) -> None:
        answer = self.post(
            "ticketBulkUpdate",
            BULK,
            {"ids": [gid for _pk, gid in picked], "assignee": self.user_gid},
            "ticketBulkUpdate",
        )
        keys = [(self.caller.user_id, pk) for pk, _gid in picked]
        if answer.outcome == "ok":
            # The tickets in the answer are read after the commit: a customer's reply
            # may have reopened one already, so only the count is held against it.
            if answer.data["count"] != len(picked):
                self._mismatch(f"bulk count {answer.data['count']} of {len(picked)}")
            self.journal.bulk_closes.update(keys)
        elif answer.outcome == "error":
            self.journal.bulk_uncertain.update(keys)

    def _mismatch(self, detail: str) -> None:
        self.journal.samples.append(Sample("acknowledgement", 0, "error", detail))


def _note(journal: Journal, marker: str, answer: Answer) -> None:
    if answer.outcome == "refused":
        journal.refused.add(marker)
    else:
        journal.uncertain.add(marker)


def make_clients(base_url: str, cast: Cast, clients: int, run: str) -> list[Customer]:
    roles = client_roles(clients)
    board = Board()
    made: list[Customer] = []
    staff_count = roles.count("staff")
    for index, role in enumerate(roles):
        prefix = f"{run}-{index}"
        if role == "customer":
            caller = cast.customers[(index // 2) % len(cast.customers)]
            made.append(
                Customer(base_url, caller, index, cast, board=board, prefix=prefix)
            )
        else:
            staff_index = index // 2
            made.append(
                Staff(
                    base_url,
                    cast.staff[staff_index],
                    index,
                    cast,
                    board=board,
                    prefix=prefix,
                    share=(staff_index, staff_count),
                )
            )
    return made


def warm_up(base_url: str, caller: Caller, workers: int) -> None:
    """Untimed requests until every worker has answered at least once, more or less:
    a worker's first request loads the schema, which a production server has long done
    before the traffic that counts."""
    rounds = [Client(base_url, caller, seed) for seed in range(workers * 2)]
    threads = [
        threading.Thread(target=client.post, args=("warm-up", INBOX, {}))
        for client in rounds * 2
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for client in rounds:
        client.close()


def run_clients(
    clients: list[Customer],
    seconds: float,
    progress: Any = None,
    every: float = 5.0,
) -> tuple[Journal, float]:
    """Every client steps until `seconds` have passed (or Ctrl+C); `progress(elapsed,
    samples)` is called every `every` seconds. Returns the merged journal and the
    seconds taken."""
    start = time.monotonic()
    deadline = start + seconds
    stop = threading.Event()

    def work(client: Customer) -> None:
        try:
            while not stop.is_set() and time.monotonic() < deadline:
                client.step()
        except Exception as error:  # the journal says so; the run goes on
            client.journal.samples.append(
                Sample("client", 0, "error", f"{type(error).__name__}: {error}")
            )
        finally:
            client.close()

    threads = [threading.Thread(target=work, args=(c,), daemon=True) for c in clients]
    for thread in threads:
        thread.start()
    try:
        while (remaining := deadline - time.monotonic()) > 0:
            time.sleep(min(every, remaining))
            if progress is not None and time.monotonic() < deadline:
                samples = [s for client in clients for s in client.journal.samples]
                progress(time.monotonic() - start, samples)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    elapsed = time.monotonic() - start
    journal = Journal()
    for client in clients:
        journal.merge(client.journal)
    return journal, elapsed
