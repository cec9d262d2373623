"""One load run from start to end: the cast, the server, the clients, the checks, and
the figures (per operation: count, errors, p50, p95; overall requests per second)."""

import math
import os
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from django.db import connection

from .cast import prepare_cast
from .checks import Findings, check
from .server import serving
from .traffic import Journal, Sample, make_clients, run_clients, warm_up


@dataclass
class Result:
    journal: Journal
    findings: Findings
    seconds: float
    run: str
    statuses: tuple[str, str]
    staff: set[int]
    # p50 per operation and requests per second of the baseline (2 clients on the
    # same server just before), when one ran.
    baseline: dict[str, float] | None = None
    baseline_rate: float = 0.0

    @property
    def server_errors(self) -> list[Sample]:
        return [s for s in self.journal.samples if s.outcome == "error"]

    @property
    def ok(self) -> bool:
        return self.findings.ok and not self.server_errors

    def recheck(self) -> Findings:
        """The checks again, on the database as it is now."""
        return check(self.journal, self.run, self.statuses, self.staff)


def database_url() -> str:
    """The database this process uses (the test database under pytest), for the
    server."""
    settings = connection.settings_dict
    user = quote(settings["USER"] or "postgres")
    password = f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or "5432"
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


def percentile(samples: list[float], share: float) -> float:
    """Nearest rank: the smallest sample with at least `share` of them at or below."""
    ordered = sorted(samples)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)] if ordered else 0.0


def run_load(
    *,
    clients: int,
    seconds: float,
    workers: int,
    say: Callable[[str], None],
    every: float = 5.0,
    baseline: float = 0,
) -> Result:
    """`baseline`: seconds of 2 clients first, on the same server, for the ratios."""
    cast = prepare_cast(max(clients, 2))
    run = f"L{uuid.uuid4().hex[:8]}"
    statuses = (cast.initial_status, cast.closed_status)
    staff = {caller.user_id for caller in cast.staff}
    with serving(database_url(), workers=workers) as base_url:
        say(
            f"server: gunicorn, {workers} uvicorn workers (ASGI), {base_url}; "
            f"{clients} clients for {seconds:g} s, run {run}"
        )
        warm_up(base_url, cast.staff[0], workers)
        say(f"warmed up; load average before: {_load_average()}")

        def progress(elapsed: float, samples: list[Sample]) -> None:
            errors = sum(1 for s in samples if s.outcome == "error")
            say(
                f"  {elapsed:5.1f} s: {len(samples)} requests, "
                f"{len(samples) / elapsed:.1f} req/s, {errors} errors"
            )

        before = None
        if baseline:
            say(f"baseline: 2 clients for {baseline:g} s")
            before_run = f"L{uuid.uuid4().hex[:8]}"
            before_journal, before_elapsed = run_clients(
                make_clients(base_url, cast, 2, before_run), baseline, progress, every
            )
            before = Result(
                before_journal,
                check(before_journal, before_run, statuses, staff),
                before_elapsed,
                before_run,
                statuses,
                staff,
            )
            say(f"{clients} clients for {seconds:g} s")
        journal, elapsed = run_clients(
            make_clients(base_url, cast, clients, run), seconds, progress, every
        )
    say(f"load average after: {_load_average()}")
    findings = check(journal, run, statuses, staff)
    result = Result(journal, findings, elapsed, run, statuses, staff)
    if before is not None:
        # The baseline's writes are checked as strictly as the run's.
        findings.failures += [f"baseline: {f}" for f in before.findings.failures]
        findings.failures += [
            f"baseline: {s.op}: {s.detail}" for s in before.server_errors
        ]
        result.baseline = {
            op: percentile([s.ms for s in samples], 0.5)
            for op, samples in _by_op(before.journal).items()
        }
        result.baseline_rate = len(before.journal.samples) / before.seconds
    return result


def _by_op(journal: Journal) -> dict[str, list[Sample]]:
    by_op: dict[str, list[Sample]] = defaultdict(list)
    for sample in journal.samples:
        if sample.op not in ("acknowledgement", "client"):
            by_op[sample.op].append(sample)
    return by_op


def _load_average() -> str:
    # The machine is shared: the figures mean little without what else ran.
    return (
        " ".join(f"{value:.1f}" for value in os.getloadavg())
        + f" ({os.cpu_count()} cores)"
    )


def report(result: Result) -> list[str]:
    by_op = _by_op(result.journal)
    width = max([len(op) for op in by_op] + [9])
    base = result.baseline
    lines = [
        f"{'operation':<{width}}  {'count':>6}  {'errors':>6}  {'refused':>7}  "
        f"{'p50':>9}  {'p95':>9}" + (f"  {'p50 at 2':>9}  ratio" if base else "")
    ]

    def row(name: str, samples: list[Sample], errors: int) -> str:
        timed = [s.ms for s in samples]
        p50 = percentile(timed, 0.5)
        refused = sum(1 for s in samples if s.outcome == "refused")
        line = (
            f"{name:<{width}}  {len(samples):>6}  {errors:>6}  {refused:>7}  "
            f"{p50:>6.0f} ms  {percentile(timed, 0.95):>6.0f} ms"
        )
        if base and base.get(name):
            line += f"  {base[name]:>6.0f} ms  {p50 / base[name]:.1f}x"
        return line

    everything = [s for samples in by_op.values() for s in samples]
    for op, samples in sorted(by_op.items()):
        lines.append(row(op, samples, sum(1 for s in samples if s.outcome == "error")))
    lines.append(row("all", everything, len(result.server_errors)))
    rate = len(everything) / result.seconds
    lines.append(
        f"throughput: {rate:.1f} req/s ({len(everything)} requests in "
        f"{result.seconds:.1f} s)"
        + (
            f"; at 2 clients {result.baseline_rate:.1f} req/s "
            f"({rate / result.baseline_rate:.1f}x)"
            if base and result.baseline_rate
            else ""
        )
    )
    refusals = Counter(
        f"{s.op}: {s.detail}" for s in result.journal.samples if s.outcome == "refused"
    )
    for what, count in sorted(refusals.items()):
        lines.append(f"expected refusal  {what}: {count}")
    failed = Counter(f"{s.op}: {s.detail}" for s in result.server_errors)
    for what, count in sorted(failed.items()):
        lines.append(f"ERROR  {what}: {count}")
    lines.append(
        "checks: "
        + ", ".join(f"{name} {count}" for name, count in result.findings.counts.items())
    )
    lines += [f"note: {note}" for note in result.findings.notes]
    lines += [f"FAILED: {failure}" for failure in result.findings.failures]
    lines.append("result: " + ("ok" if result.ok else "FAILED"))
    return lines
