"""The survey page behind the e-mail's links, over HTTP through the host's routing: a
GET shows, only a POST records; once per ticket; expired and altered links refused;
German or English as the ticket speaks."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from saleor_helpdesk.actions import reopen_ticket
from saleor_helpdesk.models import RatingSource, SatisfactionRating, TicketEvent
from saleor_helpdesk.satisfaction.links import make_token, survey_path


@pytest.fixture
def client():
    # CSRF checks on, as a browser meets them: the signed token is the only proof.
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def url(closed_ticket):
    return survey_path(make_token(closed_ticket, 30))


def text(response) -> str:
    return response.content.decode()


def test_a_get_shows_the_chosen_score_and_records_nothing(client, url):
    # when a mail scanner or the customer opens the link for score 4
    response = client.get(url + "?score=4")

    # then the page asks, in the ticket's language (the customer writes German)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    page = text(response)
    assert '<html lang="de">' in page
    assert "Wie war unser Service?" in page
    assert 'value="4" checked' in page
    assert "Bewertung senden" in page
    # and nothing is recorded, however often it is fetched
    client.get(url + "?score=1")
    assert not SatisfactionRating.objects.exists()
    assert response["Referrer-Policy"] == "no-referrer"
    assert "form-action 'self'" in response["Content-Security-Policy"]


def test_a_post_records_the_rating_once(client, url, closed_ticket):
    # when the customer sends the form
    response = client.post(url, {"score": "2", "comment": "Es hat gedauert."})

    # then the rating is recorded from the link, and thanks are said
    assert response.status_code == 200
    assert "Vielen Dank!" in text(response)
    rating = SatisfactionRating.objects.get(ticket=closed_ticket)
    assert (rating.score, rating.comment, rating.source) == (
        2,
        "Es hat gedauert.",
        RatingSource.EMAIL_LINK,
    )
    assert rating.customer_id == closed_ticket.customer_id

    # and a second submission (the same link, or another of the five) is refused
    again = client.post(url, {"score": "5"})
    assert again.status_code == 409
    assert "Bereits bewertet" in text(again)
    assert client.get(url + "?score=5").status_code == 409
    assert SatisfactionRating.objects.get().score == 2
    assert TicketEvent.objects.filter(type="rated").count() == 1


def test_an_english_ticket_gets_the_english_page(client, closed_ticket):
    closed_ticket.language_code = "en-GB"
    closed_ticket.save(update_fields=["language_code"])
    response = client.get(survey_path(make_token(closed_ticket, 30)) + "?score=5")
    assert '<html lang="en">' in text(response)
    assert "How did we do?" in text(response)


def test_an_altered_link_is_refused(client, url):
    altered = url[:-3] + ("A" if url[-3] != "A" else "B") + url[-2:]
    for response in (client.get(altered), client.post(altered, {"score": "5"})):
        assert response.status_code == 404
        assert "Invalid link" in text(response)
    assert not SatisfactionRating.objects.exists()


def test_an_expired_link_is_refused(client, closed_ticket):
    url = survey_path(make_token(closed_ticket, 30))
    with freeze_time(timezone.now() + timedelta(days=31)):
        shown = client.get(url + "?score=5")
        sent = client.post(url, {"score": "5"}, HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert shown.status_code == sent.status_code == 410
    assert "Link abgelaufen" in text(sent)
    assert not SatisfactionRating.objects.exists()


def test_a_missing_or_wrong_score_shows_the_form_again(client, url):
    response = client.post(url, {"score": "9", "comment": "Hallo <b>"})
    assert response.status_code == 400
    page = text(response)
    assert "Bitte wählen Sie eine Bewertung von 1 bis 5." in page
    assert "Hallo &lt;b&gt;" in page  # the comment is kept, escaped
    assert not SatisfactionRating.objects.exists()


def test_a_reopened_ticket_is_not_rated_from_the_link(
    client, url, staff_actor, closed_ticket
):
    reopen_ticket(staff_actor, closed_ticket.pk)
    response = client.post(url, {"score": "5"})
    assert response.status_code == 409
    assert "wieder in Bearbeitung" in text(response)
    assert not SatisfactionRating.objects.exists()


def test_other_methods_are_refused(client, url):
    response = client.put(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"
