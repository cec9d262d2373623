"""The mail intake benchmark runs (figures: `bin/benchmark --mail`)."""

from saleor_helpdesk.models import Comment, Ticket

from .benchmark import measure
from .mail import MAILBOX_KEY


def test_the_mail_benchmark_measures_intake_and_its_baselines(
    account, settings, capsys
):
    # given
    settings.HELPDESK_MAILBOX_KEY = MAILBOX_KEY

    # when
    result = measure(account, 10)

    # then
    with capsys.disabled():
        print("\n" + result.report())
    assert (result.count, result.new, result.replies) == (10, 5, 5)
    assert result.intake_seconds > 0 and result.imap_seconds > 0
    assert result.parse_seconds > 0
    # 1 ticket opened before the run for the replies, 5 by the new mails
    assert Ticket.objects.count() == 6
    assert Comment.objects.filter(author_type="customer").count() == 5 + 5
