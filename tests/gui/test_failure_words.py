"""A platform's failure in the window's language: the engine stores it with its rule and values
beside the English, and the details pane, the queue, the notifications and the account check
word it (Polish in the Polish window), with the advice said as where to click. The command line
keeps its English, commands included."""

from __future__ import annotations

import html
import sqlite3

import pytest

from desktop_publisher.advice import Advice
from desktop_publisher.engine.events import EventKind
from desktop_publisher.errors import UserError
from desktop_publisher.gui.dialogs.account_rows import check_state, reason
from desktop_publisher.gui.notifications import Notifier
from desktop_publisher.gui.text import i18n
from desktop_publisher.gui.text.problems import advice_text, error_text
from desktop_publisher.gui.widgets.details_pane import DetailsPane
from desktop_publisher.gui.widgets.queue_model import last_error_words
from desktop_publisher.platforms.base import PublishError
from desktop_publisher.store import queries
from desktop_publisher.store.connection import open_store
from desktop_publisher.store.models import Account, PublishAttempt, ScheduledPost, database_proxy

AUTHOR = "urn:li:person:abc"
COMMAND = "desktop-publisher"
ENGLISH_RULE = "LinkedIn says the access token of account 'Brand A' has expired"
POLISH_RULE = "Według LinkedIn token dostępu konta 'Brand A' wygasł"


@pytest.fixture
def polish(qapp):  # noqa: ANN001, ANN201
    i18n.install(qapp, "pl")
    yield
    i18n.uninstall(qapp)


@pytest.fixture
def failed(service, events, add_account, add_post, linkedin):  # noqa: ANN001, ANN201
    """A post the real engine failed to publish: LinkedIn refused its expired token. Returns
    (post row, the engine's failure event)."""
    seen = []
    events.subscribe(lambda event: seen.append(event) if event.kind is EventKind.FAILED else None)
    account = add_account("linkedin", "Brand A", {"author": AUTHOR})
    linkedin.expire_token()
    post = add_post(account, "Launch day")
    service.publish_post(post.id, manual=True)
    assert len(seen) == 1
    return ScheduledPost.get_by_id(post.id), seen[0]


def window_texts(qtbot, store, post: ScheduledPost, event) -> dict[str, str]:  # noqa: ANN001
    """What the window shows of the failure: the details pane, the queue's column (all of the
    text, as its tooltip shows it) and the notification."""
    pane = DetailsPane()
    qtbot.addWidget(pane)
    row = next(r for r in queries.queue_page(store.db, queries.QueueFilter()) if r.id == post.id)
    pane.show_row(row)
    notifier = Notifier(group_window_ms=10)
    notifier.on_event(event)
    notifier.flush()
    return {
        "details": html.unescape(pane.problem_text.text()),
        "queue": last_error_words(row),
        "notification": notifier.history[-1].message,
    }


def test_the_polish_window_says_the_failure_in_polish_the_command_line_in_english(
    qtbot, store, failed, polish, cli
):
    post, event = failed
    texts = window_texts(qtbot, store, post, event)
    for where, text in texts.items():
        assert POLISH_RULE in text, where
        assert "otwórz Konta, wybierz Edytuj… przy koncie Brand A i wklej nowy token" in text, where
        assert "LinkedIn says" not in text and COMMAND not in text, where
    assert texts["notification"].startswith("Brand A: ")
    # The queue's column shows the first line of the same words.
    assert texts["queue"].splitlines()[0].startswith(POLISH_RULE)

    # The command line, the log and the ledger keep the English, the command included.
    assert post.status == "failed" and post.last_error_kind == "auth"
    assert post.last_error.startswith(ENGLISH_RULE)
    assert f"{COMMAND} account reconnect 'Brand A'" in post.last_error
    assert event.message == post.last_error
    shown = cli("post", "show", str(post.id))
    assert shown.code == 0
    assert f"last error:   [auth] {post.last_error}" in shown.out
    attempt = PublishAttempt.get(PublishAttempt.post == post.id)
    assert attempt.message == post.last_error and attempt.error_detail["english"] == attempt.message


def test_the_english_window_says_it_in_english_without_the_command(qtbot, store, failed):
    post, event = failed
    for where, text in window_texts(qtbot, store, post, event).items():
        assert ENGLISH_RULE in text, where
        assert "open Accounts, choose Edit… for account Brand A and paste a new token" in text
        assert COMMAND not in text, where


def test_the_detail_survives_a_restart(qtbot, store, data_dir, failed, polish):
    post, _event = failed
    store.close()
    reopened = open_store(data_dir)
    try:
        again = ScheduledPost.get_by_id(post.id)
        pane = DetailsPane()
        qtbot.addWidget(pane)
        row = next(r for r in queries.queue_page(reopened.db, queries.QueueFilter()))
        pane.show_row(row)
        assert POLISH_RULE in html.unescape(pane.problem_text.text())
        assert POLISH_RULE in last_error_words(row)
        assert again.last_error == post.last_error
    finally:
        reopened.close()
        database_proxy.initialize(store.db)
    # In the file itself: the English, and beside it the rule and values.
    conn = sqlite3.connect(data_dir / "publisher.db")
    english, detail = conn.execute(
        "SELECT last_error, last_error_detail FROM scheduled_post WHERE id = ?", (post.id,)
    ).fetchone()
    conn.close()
    assert english == post.last_error and '"rule": "LinkedIn says the access token' in detail


def test_a_detail_left_by_an_earlier_failure_is_not_shown(qtbot, store, failed, polish):
    """A writer that knows nothing of details (an older version) changes last_error only: the
    window shows that English, not the stale words of the detail."""
    post, _event = failed
    before = next(r for r in queries.queue_page(store.db, queries.QueueFilter()))
    assert last_error_words(before).startswith(POLISH_RULE)
    ScheduledPost.update(last_error="Something else went wrong.").where(
        ScheduledPost.id == post.id
    ).execute()
    row = next(r for r in queries.queue_page(store.db, queries.QueueFilter()) if r.id == post.id)
    assert last_error_words(row) == "Something else went wrong."


def test_the_account_check_says_its_refusal_in_polish(accounts, add_account, linkedin, polish):
    account = add_account("linkedin", "Brand A", {"author": AUTHOR})
    # The list's own words keep their Polish in their new module too.
    assert check_state(account, set(), {})[1] == "Jeszcze nie sprawdzono"
    linkedin.expire_token()
    with pytest.raises(PublishError) as caught:
        accounts.test("Brand A")
    english = caught.value.message
    assert COMMAND in english  # the command line's words (accounts test prints this)
    stored = Account.get_by_id(account.id)
    assert stored.last_check_message == english
    status, text, tip = check_state(stored, set(), {})
    assert status == "failed"
    for shown in (text, tip, reason(caught.value)):
        assert POLISH_RULE in shown and COMMAND not in shown
        assert "otwórz Konta" in shown


@pytest.mark.parametrize("advice", list(Advice))
def test_every_advice_has_the_windows_words_without_a_command(advice, qapp) -> None:  # noqa: ANN001
    words = advice_text(advice, {"account": "Brand A"})
    assert words and "desktop-publisher" not in words and "--" not in words


def test_a_user_error_with_advice_says_where_to_click(qapp) -> None:  # noqa: ANN001
    error = UserError.translatable(
        "The secret of account {account!r} is missing: {advice}.",
        advice=Advice.ENTER_SECRET_AGAIN,
        account="Brand A",
    )
    assert "desktop-publisher" in str(error)  # the command line's words
    shown = error_text(error)
    assert "desktop-publisher" not in shown
    assert "Edit… for account Brand A" in shown
