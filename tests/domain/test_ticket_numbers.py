"""Ticket numbers are unique and increasing under concurrent creation, on the real
database, from several threads and several processes at once."""

import subprocess
import sys
import threading

import pytest
from django.db import connection

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import Ticket
from tests.factories import make_ticket

THREADS = 8
PER_THREAD = 10


@pytest.mark.django_db(transaction=True)
def test_numbers_are_unique_and_increasing_across_threads():
    results: dict[int, list[int]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def worker(index: int) -> None:
        try:
            start.wait()
            numbers = [
                make_ticket(subject=f"t{index}-{i}").number for i in range(PER_THREAD)
            ]
            results[index] = numbers
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    every = [n for numbers in results.values() for n in numbers]
    assert len(every) == len(set(every)) == THREADS * PER_THREAD
    # each thread saw its own numbers grow
    for numbers in results.values():
        assert numbers == sorted(numbers)
    assert Ticket.objects.count() == THREADS * PER_THREAD


CHILD = """
import os, sys, django
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.host.settings"
django.setup()
from django.conf import settings
from django.db import connection
connection.settings_dict["NAME"] = sys.argv[1]
from saleor_helpdesk.actions import NewTicket, create_ticket
from saleor_helpdesk.core.actor import Actor
for i in range(int(sys.argv[2])):
    t = create_ticket(Actor.system(), NewTicket(subject="p", body="b", customer_email="p@example.com"))
    print("NUMBER", t.number)
"""


@pytest.mark.django_db(transaction=True)
def test_numbers_are_unique_across_processes():
    # given four processes writing to the same (test) database at once
    database = connection.settings_dict["NAME"]
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, database, "15"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]

    # then every process succeeded and no number was handed out twice
    assert [p.returncode for p in processes] == [0] * 4, [err for _, err in outputs]
    # only the marked lines: e-mails of the new tickets may be printed too
    numbers = [
        int(line.split()[1])
        for out, _ in outputs
        for line in out.splitlines()
        if line.startswith("NUMBER ")
    ]
    assert len(numbers) == len(set(numbers)) == 60
    assert Ticket.objects.count() == 60
    assert make_ticket(Actor.system(), customer_email="x@example.com").number > max(
        numbers
    )
