"""The error tables' interpreter (platforms/error_table.py) and the messages it makes: a rule
with values and an advice, worded for the command line exactly as the texts were written."""

from __future__ import annotations

import json

from desktop_publisher.advice import Advice
from desktop_publisher.message import Message, detail_data, stored_detail
from desktop_publisher.platforms.base import ErrorKind, connection_test_refused
from desktop_publisher.platforms.error_table import Answer, Row, classify, find_row
from desktop_publisher.platforms.graph_errors import GRAPH, NOT_GRAPH
from desktop_publisher.platforms.linkedin.errors import TABLE as LINKEDIN


def test_the_first_matching_row_wins_and_every_condition_must_hold():
    table = (
        Row(ErrorKind.AUTH, "auth", status=401, code="EXPIRED"),
        Row(ErrorKind.TRANSIENT, "busy", status=range(500, 600), final=False),
        Row(ErrorKind.UNKNOWN_OUTCOME, "maybe", status=range(500, 600)),
        Row(ErrorKind.PERMANENT, "else"),
    )
    assert find_row(table, Answer(401, code="EXPIRED")).rule == "auth"
    assert find_row(table, Answer(401, code="OTHER")).rule == "else"
    assert find_row(table, Answer(503)).rule == "busy"
    assert find_row(table, Answer(503, final=True)).rule == "maybe"


def test_linkedin_rows_classify_as_the_client_did():
    assert find_row(LINKEDIN, Answer(429)).kind is ErrorKind.RATE_LIMITED
    assert find_row(LINKEDIN, Answer(502, final=True)).kind is ErrorKind.UNKNOWN_OUTCOME
    assert find_row(LINKEDIN, Answer(502)).kind is ErrorKind.TRANSIENT
    assert find_row(LINKEDIN, Answer(422, checking_account=True)).advice is Advice.REPLACE_TOKEN
    assert find_row(LINKEDIN, Answer(422)).kind is ErrorKind.INVALID_CONTENT
    assert find_row(LINKEDIN, Answer(404, api=False)).kind is ErrorKind.TRANSIENT


def test_graph_codes_win_over_the_status():
    table = (*NOT_GRAPH, *GRAPH)
    assert find_row(table, Answer(400, code=190)).kind is ErrorKind.AUTH
    assert find_row(table, Answer(400, code=4)).kind is ErrorKind.RATE_LIMITED
    assert find_row(table, Answer(400, code=1, final=True)).kind is ErrorKind.UNKNOWN_OUTCOME
    assert find_row(table, Answer(400, code=506)).kind is ErrorKind.PERMANENT
    assert find_row(table, Answer(400, code=100)).kind is ErrorKind.INVALID_CONTENT


def test_an_auth_failure_carries_the_advice_not_the_command():
    answer = Answer(401, code="EXPIRED_ACCESS_TOKEN")
    values = {"account": "Brand", "step": "creating the post", "status": 401, "detail": ""}
    error = classify(LINKEDIN, answer, values)
    assert error.kind is ErrorKind.AUTH
    assert error.message == (
        "LinkedIn says the access token of account 'Brand' has expired (LinkedIn tokens last 60 "
        "days). Reconnect the account with a new token (desktop-publisher account reconnect "
        "'Brand')."
    )
    assert error.detail.advice is Advice.RECONNECT
    stored = json.dumps(error.detail.to_data())
    assert "desktop-publisher" not in stored and "reconnect 'Brand'" not in stored


def test_connection_test_refused_reads_as_before():
    error = connection_test_refused("WordPress", "Blog", "reading the site", 400, " (x)", "c")
    assert error.message == (
        "WordPress refused the connection test while reading the site (HTTP 400): check the "
        "account's settings and its token, then test again (a wrong token is replaced with "
        "`desktop-publisher account reconnect 'Blog'`). (x)"
    )
    assert "desktop-publisher" not in json.dumps(error.detail.to_data())


def test_a_message_survives_json_with_nested_values_and_secrets_masked():
    from desktop_publisher.redaction import register_secret

    register_secret("s3cr3t-token-value")
    step = Message("uploading {file}", {"file": "a.jpg"}, "Step")
    message = Message("failed while {step}: {said}", {"step": step, "said": "s3cr3t-token-value"})
    masked = message.redacted()
    back = Message.from_data(json.loads(json.dumps(masked.to_data())))
    assert back == masked
    assert back.english() == "failed while uploading a.jpg: [REDACTED]"


def test_a_stored_detail_is_used_only_while_it_words_the_stored_text():
    message = Message("gone {x}", {"x": 1})
    data = detail_data(message, message.english())
    assert stored_detail(data, "gone 1") == message
    # Someone wrote another last_error (a missed post, an older version): the detail is stale.
    assert stored_detail(data, "Missed: …") is None
    assert stored_detail(None, "gone 1") is None
