"""Property-based tests (hypothesis): whatever bytes arrive — random ones, or the
sample messages cut, flipped, spliced and repeated — reading them never raises, and
every function over the result answers too.

Deterministic (`derandomize=True`, no example database), like the GraphQL fuzz tests;
`HELPDESK_FUZZ_EXAMPLES` and `HELPDESK_FUZZ_RANDOM=1` search further."""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saleor_helpdesk.inbound.content import reply_content
from saleor_helpdesk.inbound.machines import automatic_reason, bounced_message_id
from saleor_helpdesk.inbound.message import UNREADABLE, InboundMessage, parse_message
from saleor_helpdesk.inbound.orders import order_numbers
from saleor_helpdesk.inbound.threading import thread_candidates
from tests.inbound.conftest import raw, sample_names

EXAMPLES = int(os.environ.get("HELPDESK_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("HELPDESK_FUZZ_RANDOM"),
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
SAMPLES = {name: raw(name) for name in sample_names()}
# Bytes that mean something to a MIME parser, so mutations hit its edges.
MIME_TOKENS = [
    b"\r\n",
    b"\n",
    b"\n\n",
    b"--",
    b"=?",
    b"?=",
    b"=?utf-8?q?",
    b"=?iso-8859-1?b?",
    b"=\r\n",
    b"=FC",
    b": ",
    b";",
    b'boundary="',
    b"Content-Type: multipart/mixed; boundary=x\n",
    b"Content-Type: message/rfc822\n",
    b"Content-Type: multipart/report; report-type=delivery-status\n",
    b"Content-Transfer-Encoding: base64\n",
    b"Content-Transfer-Encoding: quoted-printable\n",
    b"charset=",
    b"filename*=utf-8''",
    b"<",
    b">",
    b"@",
    b"\x00",
    b"\xff",
    b"\xc3",
    b" \t",
]


def everything_answers(data: bytes) -> InboundMessage:
    """Read `data` and ask every question of the result."""
    msg = parse_message(data)
    # the last-resort fallback is for failures nobody foresaw: each step of the
    # reader guards itself, so none of these inputs reaches it
    assert UNREADABLE not in msg.defects
    assert msg.size == len(data)
    assert msg.message_id
    assert "\x00" not in (msg.text or "")
    assert "\x00" not in (msg.html or "")
    assert all("\x00" not in name + value for name, value in msg.headers)
    assert "\x00" not in msg.subject + msg.from_address + msg.from_name
    automatic_reason(msg, own_addresses=["support@gartenwelt.example"])
    bounced_message_id(msg)
    thread_candidates(msg)
    content = reply_content(msg)
    order_numbers(msg.subject, content.text)
    return msg


@given(data=st.binary(max_size=4096))
@FUZZ
def test_arbitrary_bytes_never_raise(data):
    everything_answers(data)


@st.composite
def mutated_samples(draw) -> bytes:
    data = bytearray(SAMPLES[draw(st.sampled_from(sorted(SAMPLES)))])
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        kind = draw(
            st.sampled_from(["flip", "cut", "insert", "token", "repeat", "drop"])
        )
        at = draw(st.integers(min_value=0, max_value=max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(min_value=0, max_value=255))
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "token":
            data[at:at] = draw(st.sampled_from(MIME_TOKENS))
        elif kind == "repeat":
            length = draw(st.integers(min_value=1, max_value=200))
            data[at:at] = data[at : at + length] * draw(st.integers(1, 20))
        elif kind == "drop":
            length = draw(st.integers(min_value=1, max_value=200))
            del data[at : at + length]
    return bytes(data)


@given(data=mutated_samples())
@FUZZ
def test_mutated_sample_messages_never_raise(data):
    everything_answers(data)


@given(
    headers=st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "From",
                    "To",
                    "Cc",
                    "Subject",
                    "Message-ID",
                    "In-Reply-To",
                    "References",
                    "Date",
                    "Content-Type",
                    "Content-Transfer-Encoding",
                    "Content-Disposition",
                    "Auto-Submitted",
                    "Return-Path",
                    "Delivered-To",
                ]
            ),
            st.text(max_size=120),
        ),
        max_size=12,
    ),
    body=st.text(max_size=1000),
)
@FUZZ
def test_any_header_values_never_raise(headers, body):
    # given header values of any text, written as UTF-8 bytes
    data = "".join(f"{name}: {value}\r\n" for name, value in headers) + "\r\n" + body

    everything_answers(data.encode("utf-8", errors="surrogatepass"))


def test_every_sample_answers_every_question():
    for data in SAMPLES.values():
        everything_answers(data)
