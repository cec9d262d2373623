"""The throughput benchmark runs (figures: `measure(1000)` by hand or bin/benchmark)."""

from saleor_helpdesk.models import WebhookDelivery, WebhookSubscription
from saleor_helpdesk.webhooks.benchmark import measure, report


def test_the_throughput_benchmark_measures_and_leaves_nothing_behind(db, capsys):
    result = measure(20)

    with capsys.disabled():
        print("\n" + report(result))
    assert result.count == 20
    assert result.bare_seconds > 0 and result.helpdesk_seconds > 0
    assert not WebhookSubscription.objects.exists()
    assert not WebhookDelivery.objects.exists()
