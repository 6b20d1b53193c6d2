"""The main window: queue and calendar, filters, lazy loading, actions (publish now over real HTTP,
retry, cancel, reschedule, the needs-check question), responsiveness, empty states, status line."""

from __future__ import annotations

import sys
import threading
import types
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QPalette
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from desktop_publisher import when
from desktop_publisher.gui.dialogs import post_dialogs
from desktop_publisher.gui.text import statuses, timefmt
from desktop_publisher.gui.widgets.queue_model import FIRST_PAGE, PAGE_SIZE, Column
from desktop_publisher.gui.window.main_window import MainWindow
from desktop_publisher.lifecycle import DRAFT
from desktop_publisher.store.fields import utcnow
from desktop_publisher.store.models import Content, ScheduledPost, Status
from desktop_publisher.when import MAX_AHEAD
from tests.fakes.server import Fault, Response
from tests.gui.modal import answer_next_modal, click_button

TOMORROW = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)


# --- helpers -----------------------------------------------------------------------------------
@pytest.fixture
def make_window(qtbot):  # noqa: ANN001, ANN201
    def make(ctx) -> MainWindow:  # noqa: ANN001
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def set_status(post_id: int, status: str, **changes: object) -> None:
    ScheduledPost.update(status=status, **changes).where(ScheduledPost.id == post_id).execute()


def shown_ids(window: MainWindow) -> list[tuple[str, int]]:
    return [row.key for row in window.model.loaded_rows()]


def status_of(window: MainWindow, post_id: int) -> str | None:
    row = window.model.row_of(("post", post_id))
    return None if row is None else window.model.row_at(row).status


def cell(window: MainWindow, post_id: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
    row = window.model.row_of(("post", post_id))
    assert row is not None
    return window.model.index(row, column).data(role)


class UrlCatcher(QObject):
    """Takes http(s) links instead of a browser (Qt's own hook for openUrl)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def url_catcher():  # noqa: ANN201
    catcher = UrlCatcher()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    yield catcher
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def two_accounts(add_account):  # noqa: ANN001, ANN201
    li = add_account("linkedin", "Brand A", {})
    fb = add_account("facebook", "Brand B", {"page_id": "123"})
    return li, fb


# --- queue and calendar --------------------------------------------------------------------------
def test_posts_appear_in_the_queue_and_the_calendar(
    qtbot, ctx, two_accounts, add_post, make_window
):
    li, fb = two_accounts
    first, second = (
        add_post([li, fb], "Launch day", at=TOMORROW),
        add_post(li, "Second post", at=TOMORROW + timedelta(days=1)),
    )
    scheduled = list(ScheduledPost.select())
    failed = add_post(fb, "Broken", at=TOMORROW)
    set_status(failed.id, Status.FAILED, last_error="Token expired: reconnect Brand B.")
    draft = Content.create(title="Idea", text="A draft idea")

    window = make_window(ctx)
    keys = shown_ids(window)
    assert keys[0] == (DRAFT, draft.id)  # drafts on top
    post_ids = [k[1] for k in keys if k[0] == "post"]
    assert sorted(post_ids) == sorted([p.id for p in scheduled] + [failed.id])
    assert len(scheduled) == 3
    # Time order: tomorrow's three (by id), then the day after.
    assert post_ids[-1] == second.id
    assert cell(window, failed.id, Column.STATUS) == "Failed"
    assert cell(window, failed.id, Column.ACCOUNT) == "Brand B"
    assert "Token expired" in cell(window, failed.id, Column.ERROR, Qt.ItemDataRole.ToolTipRole)
    assert cell(window, first.id, Column.TEXT) == "Launch day"
    assert cell(window, first.id, Column.TIME) == timefmt.when(TOMORROW)

    tomorrow = TOMORROW.astimezone(timefmt.zone()).date()
    window.calendar.show_day(tomorrow)
    assert window.calendar.counts_for(tomorrow) == {Status.SCHEDULED: 2, Status.FAILED: 1}
    assert window.calendar.counts_for(tomorrow + timedelta(days=1)) == {Status.SCHEDULED: 1}
    assert window.calendar.today == datetime.now(timefmt.zone()).date()
    assert "1 failed" in window.calendar.describe(tomorrow)


def test_a_line_across_the_row_marks_each_new_day(qtbot, ctx, two_accounts, add_post, make_window):
    li, fb = two_accounts
    add_post([li, fb], "Same day", at=TOMORROW)
    add_post(li, "Next day", at=TOMORROW + timedelta(days=1))
    window = make_window(ctx)
    window.set_range("all")
    view = window.view
    assert window.model.rowCount() == 3
    assert [window.model.is_day_start(row) for row in range(3)] == [False, False, True]
    image = view.viewport().grab().toImage()
    mid = view.palette().color(QPalette.ColorRole.Mid).rgb()
    # Across every column (the time cell has its own delegate, the others do not), on the new
    # day's first row only.
    header = view.horizontalHeader()
    xs = [header.sectionViewportPosition(c) + header.sectionSize(c) // 2 for c in Column]
    new_day, same_day = view.rowViewportPosition(2), view.rowViewportPosition(1)
    assert [image.pixel(x, new_day) for x in xs] == [mid] * len(xs)
    assert mid not in [image.pixel(x, same_day) for x in xs]


def test_filters_narrow_the_rows(qtbot, ctx, two_accounts, add_post, make_window):
    li, fb = two_accounts
    a = add_post(li, "Launch day on LinkedIn", at=TOMORROW)
    b = add_post(fb, "Launch day on Facebook", at=TOMORROW + timedelta(days=2))
    c = add_post(fb, "Quiet news", at=TOMORROW + timedelta(days=2, hours=1))
    set_status(c.id, Status.FAILED, last_error="nope")
    window = make_window(ctx)

    def ids() -> list[int]:
        return [k[1] for k in shown_ids(window) if k[0] == "post"]

    assert ids() == [a.id, b.id, c.id]
    # Status
    window.status_combo.setCurrentIndex(window.status_combo.findText("Failed"))
    assert ids() == [c.id]
    window.status_combo.setCurrentIndex(window.status_combo.findText("Needs attention"))
    assert ids() == [c.id]
    window.status_combo.setCurrentIndex(0)
    # Platform
    window.platform_combo.setCurrentIndex(window.platform_combo.findData("facebook"))
    assert ids() == [b.id, c.id]
    window.platform_combo.setCurrentIndex(0)
    # Account: untick Brand B
    for i in range(window.accounts_list.count()):
        item = window.accounts_list.item(i)
        if item.text().startswith("Brand B"):
            item.setCheckState(Qt.CheckState.Unchecked)
    assert ids() == [a.id]
    window.clear_filters()
    assert ids() == [a.id, b.id, c.id]
    # Text search (typed, applied after a short pause)
    qtbot.keyClicks(window.search, "launch")
    qtbot.waitUntil(lambda: ids() == [a.id, b.id], timeout=3000)
    window.search.clear()
    qtbot.waitUntil(lambda: ids() == [a.id, b.id, c.id], timeout=3000)
    # Calendar day: a click filters, a second click shows all again
    day = (TOMORROW + timedelta(days=2)).astimezone(timefmt.zone()).date()
    window.calendar.show_day(day)
    grid = window.calendar.grid
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.day_rect(day).center())
    assert window.range_kind == "day" and ids() == [b.id, c.id]
    assert window.calendar.selected == day
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.day_rect(day).center())
    assert window.range_kind == "all" and ids() == [a.id, b.id, c.id]
    # Ctrl+1 (day of the chosen or shown day) and Ctrl+0 (all)
    window.calendar.select(day)
    window.all_action.trigger()
    assert ids() == [a.id, b.id, c.id] and window.calendar.selected is None


def add_copies(template: ScheduledPost, count: int) -> None:
    """`count` more scheduled posts like `template`, a minute apart after it."""
    now = utcnow()
    rows = [
        {
            "variant": template.variant_id,
            "account": template.account_id,
            "publication_date": TOMORROW + timedelta(minutes=i + 1),
            "due_at": TOMORROW + timedelta(minutes=i + 1),
            "status": Status.SCHEDULED.value,
            "checkpoint": {},
            "created_at": now,
            "updated_at": now,
        }
        for i in range(count)
    ]
    ScheduledPost.insert_many(rows).execute()


def plain_digits(text: str) -> str:
    return text.replace("\u202f", "").replace("\xa0", "").replace(",", "")


def test_the_queue_loads_lazily(qtbot, ctx, two_accounts, add_post, make_window):
    li, _fb = two_accounts
    add_copies(add_post(li, "Post", at=TOMORROW), 999)
    window = make_window(ctx)
    model = window.model
    assert model.rowCount() == FIRST_PAGE  # only the first page was read
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == FIRST_PAGE + PAGE_SIZE
    # Scrolling to the end asks for more, like a person would.
    window.view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > FIRST_PAGE + PAGE_SIZE, timeout=3000)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1000
    times = [r.when for r in model.loaded_rows()]
    assert times == sorted(times)
    qtbot.waitUntil(lambda: "· 1000 post" in plain_digits(window.range_label.text()))
    # A reload keeps what was loaded (and the selection).
    last = model.loaded_rows()[-1].id
    window.select_key(("post", last))
    window.refresh_now()
    assert model.rowCount() == 1000 and window.selected_key() == ("post", last)


def test_a_view_taller_than_the_first_page_loads_more_at_once(
    qtbot, ctx, two_accounts, add_post, make_window
):
    add_copies(add_post(two_accounts[0], "Post", at=TOMORROW), 999)
    window = make_window(ctx)
    view = window.view
    window.resize(1280, (FIRST_PAGE + 20) * view.verticalHeader().defaultSectionSize() + 300)
    # Qt asks the model for more while its last row is in view.
    qtbot.waitUntil(lambda: window.model.rowCount() > FIRST_PAGE)
    last_shown = view.rowAt(view.viewport().height() - 1)
    assert 0 < last_shown < window.model.rowCount() - 1


def test_the_first_count_of_a_long_range_does_not_hold_back_the_window(
    qtbot, ctx, two_accounts, add_post, make_window
):
    """Counting a range of many posts reads much of an index (from the disk, after a reboot):
    the window shows first and the count follows from a job thread. A range whose rows are all
    loaded is counted from them at once."""
    li, fb = two_accounts
    add_copies(add_post(li, "Post", at=TOMORROW), 2 * PAGE_SIZE)
    window = make_window(ctx)
    assert window.model.canFetchMore()
    assert window.range_label.text() == "<b>From today</b>"
    qtbot.waitUntil(
        lambda: f"· {2 * PAGE_SIZE + 1} post" in plain_digits(window.range_label.text())
    )

    # A range the user chooses is counted at once.
    window.set_range("all")
    assert window.model.canFetchMore()
    assert plain_digits(window.range_label.text()).startswith(
        f"<b>All posts</b> · {2 * PAGE_SIZE + 1} post"
    )
    add_post(fb, "Elsewhere", at=TOMORROW)
    brand_a = window.accounts_list.findItems("Brand A", Qt.MatchFlag.MatchExactly)[0]
    brand_a.setCheckState(Qt.CheckState.Unchecked)
    assert window.model.fully_loaded()
    assert window.range_label.text().startswith("<b>All posts</b> · 1 post")


def test_a_burst_of_changes_makes_one_reload(qtbot, ctx, two_accounts, add_post, make_window):
    add_post(two_accounts[0], "x", at=TOMORROW)
    window = make_window(ctx)
    reloads = []
    window.model.reloaded.connect(lambda: reloads.append(1))
    for _ in range(100):
        ctx.bridge.postsChanged.emit()
        ctx.bridge.postChanged.emit(1, "published")
    qtbot.waitUntil(lambda: len(reloads) == 1, timeout=3000)
    qtbot.wait(300)
    assert len(reloads) == 1


def test_engine_events_reload_the_posts_and_other_changes_everything(
    qtbot, ctx, two_accounts, add_post, make_window
):
    """A status change from the engine re-reads the posts, the counts and the calendar; the
    drafts only when something else changed (the due pass, a cleanup, another process)."""
    from desktop_publisher.engine.events import EngineEvent, EventKind

    li, _fb = two_accounts
    post = add_post(li, "Going out", at=TOMORROW)
    window = make_window(ctx)
    qtbot.waitUntil(lambda: "1 scheduled" in window.status_line.text(), timeout=3000)
    reads: list[str] = []
    window.model.reloaded.connect(lambda: reads.append("queue"))
    assert "· 1 post" in window.range_label.text()
    late_draft = Content.create(text="Written by the command line")

    set_status(post.id, Status.PUBLISHED.value)
    # What the bridge emits for a status event: the event and postChanged.
    ctx.bridge.event.emit(EngineEvent(EventKind.PUBLISHED, post_id=post.id, status="published"))
    ctx.bridge.postChanged.emit(post.id, "published")
    qtbot.waitUntil(lambda: status_of(window, post.id) == Status.PUBLISHED, timeout=3000)
    qtbot.waitUntil(lambda: "1 published" in window.status_line.text(), timeout=3000)
    assert "scheduled" not in window.status_line.text()
    local_day = TOMORROW.astimezone(timefmt.zone()).date()
    assert window.calendar.counts_for(local_day) == {"published": 1}
    assert shown_ids(window) == [("post", post.id)]  # publishing makes no drafts

    ctx.bridge.event.emit(EngineEvent(EventKind.POSTS_CHANGED))
    ctx.bridge.postsChanged.emit()
    qtbot.waitUntil(lambda: len(reads) == 2, timeout=3000)
    assert shown_ids(window) == [(DRAFT, late_draft.id), ("post", post.id)]
    qtbot.waitUntil(lambda: "· 2 post" in window.range_label.text(), timeout=3000)


# --- publish now ---------------------------------------------------------------------------------
def test_publish_now_sends_once_and_the_row_turns_published(
    qtbot, engine_ctx, fakenet_account, add_post, fake_server, make_window, url_catcher
):
    post = add_post(fakenet_account, "Hello from the window", at=TOMORROW)
    window = make_window(engine_ctx)
    assert window.select_key(("post", post.id))
    assert window.publish_action.isEnabled()
    with qtbot.waitSignal(engine_ctx.notifier.shown, timeout=15_000) as shown:
        window.publish_action.trigger()
        # While in flight: disabled, and a second trigger (or shortcut) does nothing.
        assert not window.publish_action.isEnabled()
        assert cell(window, post.id, Column.STATUS) == statuses.label(Status.PUBLISHING)
        assert window.busy_bar.isVisible()
        window.publish_action.trigger()
        window.publish_now()
    notification = shown.args[0]
    assert notification.kind == "published" and notification.post_ids == [post.id]
    qtbot.waitUntil(lambda: status_of(window, post.id) == Status.PUBLISHED, timeout=5000)
    assert len(fake_server.matching("POST", "/posts")) == 1
    url = ScheduledPost.get_by_id(post.id).url
    assert url and url.startswith(fake_server.url)
    qtbot.waitUntil(lambda: not window.in_flight and not window.busy_bar.isVisible(), timeout=3000)
    # The details show the link; it opens through the desktop's URL handler.
    assert window.selected_key() == ("post", post.id)
    assert url in window.details.link.text()
    window.details.link.linkActivated.emit(url)
    assert url_catcher.urls == [url]
    assert not window.publish_action.isEnabled()  # published: nothing left to publish


def test_publish_failure_notifies_with_the_reason(
    qtbot, engine_ctx, fakenet_account, add_post, fake_server, make_window
):
    fake_server.add_fault(
        Fault("POST", "/posts", response=Response(401, {"message": "Token expired"}))
    )
    post = add_post(fakenet_account, "Will fail", at=TOMORROW)
    window = make_window(engine_ctx)
    window.select_key(("post", post.id))
    with qtbot.waitSignal(engine_ctx.notifier.shown, timeout=15_000) as shown:
        window.publish_action.trigger()
    notification = shown.args[0]
    assert notification.kind == "failed" and "Token expired" in notification.message
    qtbot.waitUntil(lambda: status_of(window, post.id) == Status.FAILED, timeout=5000)
    assert "Token expired" in cell(window, post.id, Column.ERROR)
    qtbot.waitUntil(lambda: "reconnect" in window.details.buttons, timeout=3000)
    assert "retry" in window.details.buttons
    assert "Token expired" in window.details.problem_text.text()
    assert window.retry_action.isEnabled() and not window.publish_action.isEnabled()


def test_the_window_stays_responsive_while_the_server_is_slow(
    qtbot, engine_ctx, fakenet_account, add_post, fake_server, make_window
):
    hold = threading.Event()
    fake_server.add_fault(Fault("POST", "/posts", hold=hold))
    post = add_post(fakenet_account, "Slow one", at=TOMORROW)
    window = make_window(engine_ctx)
    window.select_key(("post", post.id))
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    try:
        window.publish_action.trigger()
        qtbot.waitUntil(lambda: len(fake_server.requests) == 1, timeout=5000)
        before = len(ticks)
        # The request is held by the server: the event loop must keep turning meanwhile.
        qtbot.waitUntil(lambda: len(ticks) >= before + 20, timeout=3000)
        assert not hold.is_set() and post.id in window.in_flight
        assert window.busy_bar.isVisible()
        window.select_key(("post", post.id))
        window.publish_action.trigger()  # still in flight: ignored
    finally:
        hold.set()
        timer.stop()
    qtbot.waitUntil(lambda: status_of(window, post.id) == Status.PUBLISHED, timeout=10_000)
    assert len(fake_server.matching("POST", "/posts")) == 1


def test_publish_now_without_an_engine_publishes_here(
    qtbot, ctx, fakenet_account, add_post, fake_server, make_window
):
    """Another process owns the engine: the window publishes this one post itself; the claim
    keeps it to one request, and the user is still notified."""
    assert ctx.engine is None
    post = add_post(fakenet_account, "From the window", at=TOMORROW)
    window = make_window(ctx)
    assert "another process" in window.status_line.text()
    window.select_key(("post", post.id))
    with qtbot.waitSignal(ctx.notifier.shown, timeout=15_000) as shown:
        window.publish_action.trigger()
        window.publish_action.trigger()
    assert shown.args[0].kind == "published"
    qtbot.waitUntil(lambda: status_of(window, post.id) == Status.PUBLISHED, timeout=5000)
    assert len(fake_server.matching("POST", "/posts")) == 1


# --- retry, cancel, reschedule, drafts -----------------------------------------------------------
def test_retry_and_cancel_change_the_rows(qtbot, ctx, two_accounts, add_post, make_window):
    li, fb = two_accounts
    failed = add_post(li, "Failed one", at=TOMORROW)
    set_status(failed.id, Status.FAILED, last_error="Server error", last_error_kind="permanent")
    waiting = add_post(fb, "Waiting one", at=TOMORROW + timedelta(hours=1))
    window = make_window(ctx)

    window.select_key(("post", failed.id))
    assert window.retry_action.isEnabled()
    window.retry_action.trigger()
    qtbot.waitUntil(lambda: status_of(window, failed.id) == Status.QUEUED, timeout=3000)
    assert cell(window, failed.id, Column.ERROR) == ""

    # Cancel asks first; "Keep it" changes nothing.
    window.select_key(("post", waiting.id))
    answer_next_modal(lambda box: click_button(box, "Keep it"))
    window.cancel_action.trigger()
    assert ScheduledPost.get_by_id(waiting.id).status == Status.SCHEDULED
    answer_next_modal(lambda box: click_button(box, "Cancel post"))
    window.cancel_action.trigger()
    qtbot.waitUntil(lambda: status_of(window, waiting.id) == Status.CANCELLED, timeout=3000)
    font = cell(window, waiting.id, Column.STATUS, Qt.ItemDataRole.FontRole)
    assert font.strikeOut()
    window.select_key(("post", waiting.id))
    assert not window.cancel_action.isEnabled() and window.reschedule_action.isEnabled()


def test_a_refused_action_shows_the_reason_without_a_traceback(
    qtbot, ctx, two_accounts, add_post, make_window
):
    post = add_post(two_accounts[0], "x", at=TOMORROW)
    set_status(post.id, Status.FAILED, last_error="boom")
    window = make_window(ctx)
    window.select_key(("post", post.id))
    set_status(post.id, Status.PUBLISHED)  # the engine was quicker than the click
    window.retry_action.trigger()
    assert window.message_boxes, "the user is told"
    text = window.message_boxes[-1].text()
    assert "already published" in text and "Traceback" not in text
    window.message_boxes[-1].close()


def test_a_refusal_speaks_the_ui_language(qapp, qtbot, ctx, two_accounts, add_post, make_window):
    from desktop_publisher.gui.text import i18n

    post = add_post(two_accounts[0], "x", at=TOMORROW)
    set_status(post.id, Status.FAILED, last_error="boom")
    try:
        i18n.install(qapp, "pl")
        window = make_window(ctx)
        window.select_key(("post", post.id))
        set_status(post.id, Status.CANCELLED)  # cancelled elsewhere meanwhile
        window.retry_action.trigger()
        assert (
            window.message_boxes[-1].text() == f"Nie można zmienić posta {post.id}: jest anulowany."
        )
        window.message_boxes[-1].close()
    finally:
        i18n.uninstall(qapp)


def test_needs_check_retry_asks_whether_it_was_published(
    qtbot, ctx, two_accounts, add_post, make_window, monkeypatch
):
    li, _fb = two_accounts
    posts = [add_post(li, f"Unsure {i}", at=TOMORROW + timedelta(minutes=i)) for i in range(3)]
    for post in posts:
        set_status(
            post.id,
            Status.NEEDS_CHECK,
            last_error="Connection dropped.",
            last_error_kind="unknown_outcome",
        )
    window = make_window(ctx)

    # 1. The real question and link dialogs: "It was published", with its link.
    window.select_key(("post", posts[0].id))
    questions: list[str] = []

    def answer_link(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("https://www.linkedin.com/feed/update/1")
        dialog.accept()

    def answer_question(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        questions.append(box.text())
        answer_next_modal(answer_link)
        click_button(box, "It was published")

    answer_next_modal(answer_question)
    window.retry_action.trigger()
    assert questions == ["Was this post published on LinkedIn? Check Brand A."]
    done = ScheduledPost.get_by_id(posts[0].id)
    assert done.status == Status.PUBLISHED and done.url == "https://www.linkedin.com/feed/update/1"
    qtbot.waitUntil(lambda: status_of(window, posts[0].id) == Status.PUBLISHED, timeout=3000)

    # 2. "It was not — publish again" → back in the queue.
    window.select_key(("post", posts[1].id))
    answer_next_modal(lambda box: click_button(box, "It was not — publish again"))
    window.retry_action.trigger()
    assert ScheduledPost.get_by_id(posts[1].id).status == Status.QUEUED

    # 3. Cancel the question → nothing changes (answered by a stand-in this time).
    monkeypatch.setattr(post_dialogs, "ask_needs_check", lambda parent, post: None)
    window.select_key(("post", posts[2].id))
    window.retry_action.trigger()
    assert ScheduledPost.get_by_id(posts[2].id).status == Status.NEEDS_CHECK


def test_reschedule_refuses_the_past_and_moves_the_post(
    qtbot, ctx, two_accounts, add_post, make_window
):
    post = add_post(two_accounts[0], "Move me", at=TOMORROW)
    set_status(post.id, Status.FAILED, last_error="x")
    window = make_window(ctx)
    window.select_key(("post", post.id))
    target = (TOMORROW + timedelta(days=3)).astimezone(timefmt.zone()).replace(second=0)
    checks: list[bool] = []

    def drive(dialog: QWidget) -> None:
        assert isinstance(dialog, post_dialogs.RescheduleDialog)
        assert timefmt.zone_name() in " ".join(
            w.text() for w in dialog.findChildren(type(dialog.problem))
        )
        dialog.edit.setMinimumDateTime(dialog.edit.minimumDateTime().addYears(-1))
        dialog.edit.setDateTime(post_dialogs._qdatetime(datetime.now(UTC) - timedelta(hours=2)))
        checks.append(dialog.ok.isEnabled())  # the past: refused
        dialog.edit.setDateTime(post_dialogs._qdatetime(target))
        checks.append(dialog.ok.isEnabled())
        dialog.ok.click()

    answer_next_modal(drive)
    window.reschedule_action.trigger()
    assert checks == [False, True]
    moved = ScheduledPost.get_by_id(post.id)
    assert moved.status == Status.SCHEDULED
    assert moved.publication_date == target.astimezone(UTC).replace(microsecond=0)


def test_reschedule_offers_no_time_further_ahead_than_may_be_scheduled(
    qtbot, two_accounts, add_post, monkeypatch
):
    for module in (timefmt, when):
        monkeypatch.setattr(module, "local_zone", lambda: ZoneInfo("Europe/Warsaw"))
    post = add_post(two_accounts[0], "Far", at=TOMORROW)
    # Stored by an older version, which took any date: the year 10000 in Warsaw.
    edge = datetime(9999, 12, 31, 23, 30, tzinfo=UTC)
    ScheduledPost.update(publication_date=edge, due_at=edge).execute()
    dialog = post_dialogs.RescheduleDialog(None, ScheduledPost.get_by_id(post.id))
    qtbot.addWidget(dialog)
    last_day = (datetime.now(UTC) + MAX_AHEAD).astimezone(timefmt.zone()).date()
    assert dialog.edit.maximumDateTime().date().toPython() == last_day
    # It opens at the usual default (the next full hour), ready to be moved.
    assert dialog.ok.isEnabled()
    assert dialog.value() <= datetime.now(UTC) + timedelta(hours=1)


def test_window_shows_a_time_an_older_version_stored_at_the_end_of_the_calendar(
    qtbot, ctx, two_accounts, add_post, make_window, monkeypatch
):
    # 9999-12-31T23:30Z has no local time in Warsaw (the year 10000): shown in UTC instead of
    # the window failing to open.
    for module in (timefmt, when):
        monkeypatch.setattr(module, "local_zone", lambda: ZoneInfo("Europe/Warsaw"))
    post = add_post(two_accounts[0], "Far", at=TOMORROW)
    edge = datetime(9999, 12, 31, 23, 30, tzinfo=UTC)
    ScheduledPost.update(publication_date=edge, due_at=edge).execute()
    window = make_window(ctx)
    assert ("post", post.id) in shown_ids(window)
    window.select_key(("post", post.id))
    assert "9999" in window.details.when.text() and "UTC" in window.details.when.text()


def test_delete_draft(qtbot, ctx, two_accounts, make_window):
    draft = Content.create(text="Draft to delete")
    window = make_window(ctx)
    window.select_key((DRAFT, draft.id))
    assert window.delete_draft_action.isEnabled() and not window.cancel_action.isEnabled()
    assert window.edit_action.isEnabled()
    answer_next_modal(lambda box: click_button(box, "Delete draft"))
    window.delete_draft_action.trigger()
    assert Content.get_or_none(Content.id == draft.id) is None
    qtbot.waitUntil(lambda: (DRAFT, draft.id) not in shown_ids(window), timeout=3000)


def test_editor_and_dialogs_open_with_the_selected_post(
    qtbot, ctx, two_accounts, add_post, make_window, monkeypatch
):
    post = add_post(two_accounts[0], "Edit me", at=TOMORROW)
    opened: list[dict] = []

    class Editor:
        def __init__(self, ctx, parent, **kwargs) -> None:  # noqa: ANN001
            opened.append(kwargs)

        def exec(self) -> int:
            return 0

    fake = types.ModuleType("desktop_publisher.gui.dialogs.editor")
    fake.PostEditor = Editor  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop_publisher.gui.dialogs.editor", fake)
    window = make_window(ctx)
    window.select_key(("post", post.id))
    window.edit_action.trigger()
    window.duplicate_action.trigger()
    window.view.doubleClicked.emit(window.model.index(window.model.row_of(("post", post.id)), 2))
    window.new_action.trigger()
    assert opened == [
        {"post_id": post.id},
        {"post_id": post.id, "duplicate": True},
        {"post_id": post.id},
        {"initial_date": None},
    ]
    # A dialog that is not there yet: the user is told, nothing crashes.
    monkeypatch.setitem(sys.modules, "desktop_publisher.gui.dialogs.accounts_dialog", None)
    window.accounts_action.trigger()
    assert "not available" in window.message_boxes[-1].text()


# --- state, status line, empty states ------------------------------------------------------------
def test_pause_and_resume_publishing(qtbot, engine_ctx, make_window):
    window = make_window(engine_ctx)
    assert window.pause_action.text() == "Pause publishing"
    assert "Publishing on" in window.status_line.text()
    window.pause_action.trigger()
    assert engine_ctx.engine.state == "paused"
    qtbot.waitUntil(lambda: window.pause_action.text() == "Resume publishing", timeout=3000)
    assert "paused" in window.status_line.text()
    window.pause_action.trigger()
    assert engine_ctx.engine.state == "running"
    qtbot.waitUntil(lambda: window.pause_action.text() == "Pause publishing", timeout=3000)


def test_status_line_counts_next_post_and_token_warnings(
    qtbot, ctx, add_account, add_post, make_window
):
    soon = datetime.now(UTC) + timedelta(days=2)
    account = add_account("linkedin", "Brand A", {}, expires=soon)
    add_post(account, "one", at=TOMORROW)
    bad = add_post(account, "two", at=TOMORROW + timedelta(hours=1))
    set_status(bad.id, Status.FAILED, last_error="x")
    window = make_window(ctx)
    # The engine state and the next post at once; counts and warnings read on a job thread.
    assert "next:" in window.status_line.text()
    qtbot.waitUntil(lambda: "1 failed" in window.status_line.text(), timeout=3000)
    line = window.status_line.text()
    assert "1 scheduled" in line and "1 failed" in line
    assert "next:" in line and timefmt.clock(TOMORROW) in line
    assert window.warning_button.isVisible()
    assert "Brand A" in window.warning_button.toolTip()
    assert "expires" in window.warning_button.toolTip()


def test_token_warnings_speak_the_ui_language(qapp, qtbot, ctx, add_account, add_post, make_window):
    from desktop_publisher.gui.text import i18n

    now = datetime.now(UTC)
    # Expiring in two days (and an hour, so the whole days left are two).
    add_account("linkedin", "Brand A", {}, expires=now + timedelta(days=2, hours=1))
    later = add_account("facebook", "Brand %2", {"page_id": "1"}, expires=now + timedelta(days=20))
    add_post(later, "After the expiry", at=now + timedelta(days=30))
    add_post(later, "Also after", at=now + timedelta(days=31))
    try:
        i18n.install(qapp, "pl")  # (the dates too)
        day_a, day_b = (
            timefmt.day_medium((now + left).astimezone(timefmt.zone()).date())
            for left in (timedelta(days=2, hours=1), timedelta(days=20))
        )
        window = make_window(ctx)
        qtbot.waitUntil(lambda: len(window.status_warnings) == 2)
        assert sorted(window.status_warnings) == sorted(
            [
                f"Token konta Brand A (LinkedIn) wygasa za 2 dni, {day_a}.",
                f"Token konta Brand %2 (Facebook) wygasa {day_b}, przed 2 zaplanowanymi postami.",
            ]
        )
        assert window.warning_button.toolTip().startswith("Token konta")
    finally:
        i18n.uninstall(qapp)


def test_empty_states(qtbot, ctx, add_account, add_post, make_window, monkeypatch):
    window = make_window(ctx)
    assert window.stack.currentWidget() is window.no_accounts_page
    buttons = [b.text() for b in window.no_accounts_page.buttons]
    assert buttons == ["Connect an account…", "Import from environment…"]
    assert not window.filter_bar.isVisible()

    # Import from the environment runs off the GUI thread and reports what it did.
    monkeypatch.setenv("FACEBOOK_ACCESS_TOKEN", "tok-from-env")
    monkeypatch.setenv("FACEBOOK_PAGE_ID", "42")
    answer_next_modal(lambda box: click_button(box, "From this session"))
    window.no_accounts_page.buttons[1].click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.no_posts_page, timeout=5000)
    assert "facebook" in window.message_boxes[-1].text()
    assert [b.text() for b in window.no_posts_page.buttons] == ["Write your first post…"]

    account = add_account("linkedin", "Brand A", {})
    post = add_post(account, "First", at=TOMORROW)
    window.refresh_now()
    assert window.stack.currentWidget() is window.view and window.filter_bar.isVisible()
    window.status_combo.setCurrentIndex(window.status_combo.findText("Failed"))
    assert window.stack.currentWidget() is window.no_match_page
    window.no_match_page.buttons[0].click()
    assert window.stack.currentWidget() is window.view
    assert shown_ids(window) == [("post", post.id)]


def test_show_post_brings_a_post_into_view(qtbot, ctx, two_accounts, add_post, make_window):
    li, _fb = two_accounts
    far = add_post(li, "Far away", at=TOMORROW + timedelta(days=40))
    add_post(li, "Near", at=TOMORROW)
    window = make_window(ctx)
    window.status_combo.setCurrentIndex(window.status_combo.findText("Failed"))
    window.show_post(far.id)
    assert window.selected_key() == ("post", far.id)
    assert window.details.heading.text() == "LinkedIn · Brand A"
    assert window.calendar.selected == far.publication_date.astimezone(timefmt.zone()).date()


def test_bring_forward_and_close_to_tray(qtbot, ctx, make_window):
    window = make_window(ctx)
    window.showMinimized()
    window.bring_forward()
    assert window.isVisible() and not window.isMinimized()
    window.close_handler = lambda event: True
    window.close()
    assert not window.isVisible()
    window.bring_forward()
    window.close_handler = None
    window.close()
    assert not window.isVisible()


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2d2d30"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e20"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353538"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#2a82da"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#969696"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def test_renders_in_light_and_dark_palettes(
    qtbot, ctx, two_accounts, add_post, make_window, tmp_path: Path
):
    li, fb = two_accounts
    post = add_post([li, fb], "Launch day", at=TOMORROW)
    set_status(post.id, Status.FAILED, last_error="Token expired")
    previous = QApplication.palette()
    try:
        for name, palette in (("light", previous), ("dark", dark_palette())):
            QApplication.setPalette(palette)
            window = make_window(ctx)
            window.resize(1280, 800)
            window.select_key(("post", post.id))
            colour = statuses.colour(Status.FAILED, window.palette())
            base = window.palette().color(QPalette.ColorRole.Base)
            # The failed red keeps its contrast on either background.
            assert abs(colour.lightness() - base.lightness()) > 60
            image = window.grab()
            assert not image.isNull() and image.width() >= 1000
            assert image.save(str(tmp_path / f"main_window_{name}.png"))
    finally:
        QApplication.setPalette(previous)


def test_signal_emits_do_not_wear_out_true(qapp):
    """PySide6 6.12.0 loses a reference to True on every Python emit (the app then aborts
    after some thousands); pyside_fixes guards it. Passes trivially on a fixed PySide6."""
    from PySide6.QtCore import Signal

    from desktop_publisher.gui.infra import pyside_fixes

    class Emitter(QObject):
        ping = Signal(object)

    pyside_fixes.install()
    emitter = Emitter()
    received = []
    emitter.ping.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(500):
        emitter.ping.emit(i)
    assert len(received) == 500
    assert sys.getrefcount(True) - before > -50


def test_keyboard_shortcuts_and_context_menu(qtbot, ctx, two_accounts, add_post, make_window):
    li, _fb = two_accounts
    post = add_post(li, "Keys", at=TOMORROW)
    window = make_window(ctx)
    # Shortcuts reach the active window only.
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search
    qtbot.keyClick(window.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.range_kind == "week" and window.calendar.mode == "week"
    qtbot.keyClick(window.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.range_kind == "month" and window.calendar.mode == "month"
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.range_kind == "day"
    qtbot.keyClick(window.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.range_kind == "all"
    # Del asks before cancelling.
    window.select_key(("post", post.id))
    answer_next_modal(lambda box: click_button(box, "Cancel post"))
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert ScheduledPost.get_by_id(post.id).status == Status.CANCELLED
    # The row's context menu offers the same actions.
    menu = window.build_context_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["Edit…", "Duplicate…"] and "Publish now" in texts
    assert "Cancel post" in texts and "Retry" in texts


def test_calendar_keyboard_and_month_paging(qtbot, ctx, two_accounts, add_post, make_window):
    post = add_post(two_accounts[0], "Next month", at=TOMORROW + timedelta(days=35))
    window = make_window(ctx)
    calendar = window.calendar
    day = post.publication_date.astimezone(timefmt.zone()).date()
    start = calendar.anchor
    calendar.step(1)
    calendar.step(1)
    calendar.step(-1)
    assert calendar.anchor != start
    calendar.show_day(day)
    assert calendar.counts_for(day) == {Status.SCHEDULED: 1}
    calendar.grid.setFocus()
    calendar.focus_day = day - timedelta(days=1)
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Right)
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Return)
    assert calendar.selected == day and window.range_kind == "day"
    assert shown_ids(window) == [("post", post.id)]
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Escape)
    assert calendar.selected is None and window.range_kind == "all"


def test_opens_on_upcoming_and_the_problem_count_leads_to_past_failures(
    qtbot, ctx, two_accounts, add_post, make_window
):
    li, _fb = two_accounts
    past = add_post(li, "Failed last week", at=TOMORROW)
    set_status(
        past.id,
        Status.FAILED,
        last_error="Token expired",
        publication_date=datetime.now(UTC) - timedelta(days=7),
    )
    upcoming = add_post(li, "Tomorrow", at=TOMORROW)
    draft = Content.create(text="An idea")
    window = make_window(ctx)
    assert window.range_kind == "upcoming"
    assert shown_ids(window) == [(DRAFT, draft.id), ("post", upcoming.id)]
    qtbot.waitUntil(lambda: "1 failed" in window.status_line.text(), timeout=3000)
    window.status_line.linkActivated.emit("problems")
    assert window.range_kind == "all"
    assert shown_ids(window) == [("post", past.id)]
    assert window.status_combo.currentText() == "Needs attention"


def test_a_change_made_outside_the_engine_reads_the_drafts_again(
    qtbot, ctx, two_accounts, add_post, make_window
):
    """The editor, the tray or a dialog announce changes with postsChanged alone (no engine
    event): a new draft shows up."""
    add_post(two_accounts[0], "Scheduled", at=TOMORROW)
    window = make_window(ctx)
    draft = Content.create(text="Saved from the tray's editor")
    ctx.notify_changed()
    qtbot.waitUntil(lambda: (DRAFT, draft.id) in shown_ids(window), timeout=3000)
