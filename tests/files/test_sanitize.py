"""Comment HTML is cleaned on the way in: formatting stays, anything that runs goes."""

import pytest

from saleor_helpdesk.actions import NewTicket, add_comment, create_ticket
from saleor_helpdesk.content.sanitize import clean_html, is_blank, plain_text
from tests.assertions import raises_error
from tests.files import samples
from tests.files.samples import upload

REL = 'rel="noopener noreferrer nofollow"'

# --- clean_html -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "dirty",
    [
        "<p>Hallo</p><script>alert(document.cookie)</script>",
        "<p>Hallo</p><SCRIPT type='text/javascript'>fetch('//evil')</SCRIPT>",
        "<p>Hallo</p><script src=//evil.example/x.js></script>",
        "<p>Hallo</p><style>body { display: none }</style>",
        "<p>Hallo</p><iframe src=//evil.example></iframe>",
        "<p>Hallo</p><!-- <script>alert(1)</script> -->",
    ],
)
def test_scripts_and_their_content_are_removed(dirty):
    # given a body with a script, style, frame or comment
    # when it is cleaned
    cleaned = clean_html(dirty)

    # then neither the tag nor its content is left
    assert cleaned == "<p>Hallo</p>"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ('<img src="x" onerror="alert(1)">', ""),
        ('<p onclick="steal()">Text</p>', "<p>Text</p>"),
        ('<strong onmouseover="steal()">fett</strong>', "<strong>fett</strong>"),
        (
            '<a href="https://shop.example/" onclick="steal()">Shop</a>',
            f'<a href="https://shop.example/" {REL}>Shop</a>',
        ),
        ('<svg onload="alert(1)"><circle/></svg>Text', "Text"),
    ],
)
def test_event_handler_attributes_are_removed(dirty, clean):
    # given markup with event handlers
    # when it is cleaned, then no handler is left
    assert clean_html(dirty) == clean


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java&#x09;script:alert(1)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "data:image/svg+xml,<svg onload=alert(1)>",
        "vbscript:msgbox(1)",
    ],
)
def test_javascript_and_data_links_lose_their_target(href):
    # given a link to a script or data URL
    # when it is cleaned
    cleaned = clean_html(f'<a href="{href}">Klick</a>')

    # then the link text stays but the href is gone
    assert cleaned == f"<a {REL}>Klick</a>"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ('<p style="color: red">rot</p>', "<p>rot</p>"),
        (
            '<p style="background:url(javascript:alert(1))">x</p>',
            "<p>x</p>",
        ),
        ('<span style="position:fixed;top:0">Overlay</span>', "Overlay"),
        ('<p class="x" id="y" data-track="1">z</p>', "<p>z</p>"),
    ],
)
def test_style_and_other_attributes_are_removed(dirty, clean):
    # given markup with styles, classes and ids
    # when it is cleaned, then only the allowed attributes are left
    assert clean_html(dirty) == clean


def test_allowed_formatting_is_kept():
    # given a reply using every kind of formatting a helpdesk needs
    body = (
        "<p>Guten Tag,</p>"
        "<p><strong>wichtig</strong> und <em>betont</em>, <b>fett</b>, <i>kursiv</i>,"
        " <u>unter</u>, <s>durch</s>, <code>A-42</code><br>Zeile</p>"
        "<ul><li>eins</li><li>zwei</li></ul>"
        "<ol><li>erstens</li></ol>"
        "<blockquote>Sie schrieben: hallo</blockquote>"
        "<pre>Bestellung 1042</pre>"
    )

    # when it is cleaned
    cleaned = clean_html(body)

    # then it is unchanged
    assert cleaned == body


@pytest.mark.parametrize(
    ("href", "title"),
    [
        ("https://shop.example/track?id=1&amp;x=2", ""),
        ("http://shop.example/", ' title="Shop"'),
        ("mailto:service@shop.example", ""),
    ],
)
def test_links_keep_safe_targets_and_get_rel(href, title):
    # given a link to a web page or an e-mail address
    # when it is cleaned
    cleaned = clean_html(f'<a href="{href}"{title} target="_blank">Link</a>')

    # then the target stays, `target` goes and the link cannot reach back or be
    # followed by search engines
    assert cleaned == f'<a href="{href}"{title} {REL}>Link</a>'


def test_a_rel_given_by_the_writer_is_replaced():
    # given a link that asks for an opener
    cleaned = clean_html('<a href="https://x.example" rel="opener">x</a>')

    # then the helpdesk's rel is used
    assert cleaned == f'<a href="https://x.example" {REL}>x</a>'


def test_text_that_looks_like_markup_is_escaped():
    # given text with angle brackets that is no markup
    # when it is cleaned
    cleaned = clean_html("1 < 2 & 3 > 2")

    # then it is escaped, not dropped
    assert cleaned == "1 &lt; 2 &amp; 3 &gt; 2"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("Becher\x00 kaputt", "Becher kaputt"),
        ("<p>Henkel\x00 ab</p>", "<p>Henkel ab</p>"),
        ("<pre>a\x00b</pre>", "<pre>ab</pre>"),
        ('<a href="https://shop.example/\x00" title="t\x00">x</a>', None),
        ("<textarea>a\x00</textarea>", "a\ufffd"),
        ("<xmp>a\x00</xmp>", "a\ufffd"),
        ("<svg><![CDATA[a\x00]]></svg>", "a\ufffd"),
        ("<\x00p>", "&lt;p&gt;"),
        ("&#0;", "\ufffd"),
    ],
    ids=[
        "text",
        "in a paragraph",
        "preformatted",
        "attributes",
        "RCDATA",
        "raw text",
        "CDATA",
        "in a tag name",
        "character reference",
    ],
)
def test_no_nul_character_comes_out(dirty, clean):
    # given text with a NUL character (U+0000), which PostgreSQL does not store, in
    # each part of an HTML document where the parser treats it differently
    # when it is cleaned, and reduced to plain text
    cleaned, text = clean_html(dirty), plain_text(dirty)

    # then the parser has dropped it or put U+FFFD in its place
    assert "\x00" not in cleaned
    assert "\x00" not in text
    if clean is not None:
        assert cleaned == clean


def test_plain_text_drops_all_markup():
    # given a formatted body
    # when it is reduced to plain text
    text = plain_text("<p>Hallo <strong>Anna</strong></p><ul><li>eins</li></ul>")

    # then only the words are left
    assert text == "Hallo Annaeins"


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   \n\t  ",
        "<p></p>",
        "<p> </p><br><p>\n</p>",
        "<p>&nbsp;</p>",
        "<p>\u00a0 &#160;</p>",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<!-- nur ein Kommentar -->",
        "<ul><li></li></ul><blockquote> </blockquote>",
    ],
)
def test_markup_and_whitespace_alone_is_blank(body):
    # given a body without words
    # when it is cleaned, then it counts as blank
    assert is_blank(clean_html(body))


def test_a_literal_nbsp_typed_as_text_is_not_blank():
    # given a customer who wrote the characters "&nbsp;"
    # then that is text
    assert not is_blank(clean_html("&amp;nbsp;"))


# --- through the actions --------------------------------------------------------------


def test_a_reply_is_stored_cleaned(customer_actor, channel):
    # given a ticket
    ticket = create_ticket(
        customer_actor,
        NewTicket(subject="Frage", body="<p>Hallo</p>", channel_id=channel.pk),
    )

    # when the customer replies with hostile markup
    comment = add_comment(
        customer_actor,
        ticket.pk,
        '<p onclick="x()" style="color:red">Danke <em>sehr</em></p>'
        "<script>alert(document.cookie)</script>"
        '<a href="javascript:alert(1)">hier</a> '
        '<a href="https://shop.example/agb">AGB</a>'
        '<img src=x onerror="alert(1)">',
    )

    # then what is stored is the cleaned body
    comment.refresh_from_db()
    assert comment.body == (
        "<p>Danke <em>sehr</em></p>"
        f"<a {REL}>hier</a> "
        f'<a href="https://shop.example/agb" {REL}>AGB</a>'
    )


def test_a_new_tickets_body_is_stored_cleaned(customer_actor, channel):
    # when a customer opens a ticket with a script in the body
    ticket = create_ticket(
        customer_actor,
        NewTicket(
            subject="Frage",
            body="<p>Hallo</p><script>alert(1)</script>",
            channel_id=channel.pk,
        ),
    )

    # then the first comment holds the cleaned body
    assert ticket.comments.get().body == "<p>Hallo</p>"


@pytest.mark.parametrize(
    "body",
    [
        "<p> </p><br>",
        "<p>&nbsp;</p>",
        "<script>alert('nur Skript')</script>",
        '<img src="x" onerror="alert(1)">',
        "   ",
    ],
)
def test_a_reply_of_only_markup_or_whitespace_is_refused(customer_actor, channel, body):
    # given a ticket
    ticket = create_ticket(
        customer_actor,
        NewTicket(subject="Frage", body="<p>Hallo</p>", channel_id=channel.pk),
    )

    # when the customer replies without words, then the reply is refused
    with raises_error("body", "empty_body", "Write a message."):
        add_comment(customer_actor, ticket.pk, body)


def test_a_new_ticket_of_only_markup_is_refused(customer_actor, channel):
    # when a customer opens a ticket whose body is only a script
    # then it is refused
    with raises_error("body", "empty_body", "Write a message."):
        create_ticket(
            customer_actor,
            NewTicket(
                subject="Frage",
                body="<p><script>alert(1)</script></p>",
                channel_id=channel.pk,
            ),
        )


def test_a_reply_of_only_files_needs_no_words(customer_actor, channel):
    # given a ticket
    ticket = create_ticket(
        customer_actor,
        NewTicket(subject="Frage", body="<p>Hallo</p>", channel_id=channel.pk),
    )

    # when the customer replies with a photo and no text
    comment = add_comment(
        customer_actor,
        ticket.pk,
        "<p> </p>",
        attachments=[upload("a.png", samples.PNG)],
    )

    # then the reply carries the photo
    assert comment.attachments.get().display_name == "a.png"
