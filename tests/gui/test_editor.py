"""The post editor: scheduling to several accounts with a version per platform, live rules that
block Schedule, drafts, the time and its zone (past, DST), the unsaved-changes question, images
(drop, thumbnails), editing and duplicating a scheduled post."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop_publisher.gui.dialogs.editor import PostEditor, resolve_local
from desktop_publisher.gui.dialogs.editor_variant import number
from desktop_publisher.gui.text import timefmt
from desktop_publisher.gui.window.main_window import MainWindow
from desktop_publisher.store.models import Content, ContentVariant, ScheduledPost, Status
from desktop_publisher.when import MAX_AHEAD
from tests.gui.modal import answer_next_modal, click_button

TOMORROW = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(days=1)
WARSAW = ZoneInfo("Europe/Warsaw")


# --- helpers -----------------------------------------------------------------------------------
@pytest.fixture
def open_editor(qtbot, ctx):  # noqa: ANN001, ANN201
    opened: list[PostEditor] = []

    def make(**kwargs) -> PostEditor:  # noqa: ANN003
        editor = PostEditor(ctx, None, **kwargs)
        editor.show()
        opened.append(editor)
        return editor

    yield make
    for editor in opened:
        # Left open with changes by the test: close without the question.
        editor.saved_state = editor.state()
        editor.close()
        editor.deleteLater()


@pytest.fixture
def brands(add_account):  # noqa: ANN001, ANN201
    li = add_account("linkedin", "Brand A", {})
    fb = add_account("facebook", "Brand B", {"page_id": "123"})
    return li, fb


def tick(editor: PostEditor, *names: str) -> None:
    for i in range(editor.accounts_list.count()):
        item = editor.accounts_list.item(i)
        if item.text() in names:
            item.setCheckState(Qt.CheckState.Checked)


def set_time(editor: PostEditor, moment: datetime) -> None:
    local = moment.astimezone(editor.zone).replace(tzinfo=None)
    editor.set_wall_time(local)


def jpeg(path: Path, size: tuple[int, int] = (640, 400)) -> Path:
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7bd5"))
    assert image.save(str(path), "JPEG")
    return path


def drop_files(widget: QWidget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    actions = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    try:
        enter = QDragEnterEvent(QPointF(5, 5), actions, mime, buttons, mods)
    except TypeError:  # PySide6 before 6.12 takes only a QPoint here
        enter = QDragEnterEvent(QPoint(5, 5), actions, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(5, 5), actions, mime, buttons, mods)
    QApplication.sendEvent(widget, drop)


# --- scheduling ----------------------------------------------------------------------------------
def test_new_post_to_two_accounts_shows_in_the_queue_and_calendar(qtbot, ctx, brands):
    li, fb = brands
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    when = TOMORROW.replace(minute=0) + timedelta(hours=2)

    def fill(editor: QWidget) -> None:
        assert isinstance(editor, PostEditor)
        tick(editor, "Brand A", "Brand B")
        assert [editor.tabs.tabText(i) for i in range(editor.tabs.count())] == [
            "LinkedIn",
            "Facebook",
        ]
        qtbot.keyClicks(editor.text_edit, "Launch day")
        # Facebook gets its own words; LinkedIn keeps following the base text.
        facebook = editor.panes["facebook"]
        assert facebook.text_edit.toPlainText() == "Launch day"
        facebook.text_edit.selectAll()
        qtbot.keyClicks(facebook.text_edit, "Launch day, Facebook edition")
        qtbot.keyClicks(editor.text_edit, "!")
        assert editor.panes["linkedin"].text_edit.toPlainText() == "Launch day!"
        assert facebook.text_edit.toPlainText() == "Launch day, Facebook edition"
        set_time(editor, when)
        assert editor.schedule_button.isEnabled(), editor.problems
        qtbot.mouseClick(editor.schedule_button, Qt.MouseButton.LeftButton)

    seen = answer_next_modal(fill)
    window.new_action.trigger()  # opens the real editor, modal, the way a user does
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted

    posts = list(ScheduledPost.select().order_by(ScheduledPost.id))
    assert [(p.account_id, p.status) for p in posts] == [
        (li.id, Status.SCHEDULED),
        (fb.id, Status.SCHEDULED),
    ]
    assert all(p.publication_date == when for p in posts)
    assert posts[0].variant.text == "Launch day!"
    assert posts[1].variant.text == "Launch day, Facebook edition"
    assert posts[0].variant.content_id == posts[1].variant.content_id
    assert all(p.variant.accepted for p in posts)

    def shown() -> set[int]:
        return {r.id for r in window.model.loaded_rows() if r.kind == "post"}

    qtbot.waitUntil(lambda: shown() == {p.id for p in posts}, timeout=5000)
    day = when.astimezone(timefmt.zone()).date()
    window.calendar.show_day(day)
    assert window.calendar.counts_for(day) == {Status.SCHEDULED: 2}


def test_an_invalid_variant_blocks_schedule_with_the_rule(qtbot, open_editor, brands, add_account):
    add_account("wordpress", "Blog", {"site_url": "https://blog.example", "username": "me"})
    editor = open_editor()
    tick(editor, "Brand A")
    editor.text_edit.setPlainText("x" * 3001)
    set_time(editor, TOMORROW)

    linkedin = editor.panes["linkedin"]
    rule = "LinkedIn allows at most 3000 characters (3001 now)."
    assert not editor.schedule_button.isEnabled()
    assert rule in editor.schedule_button.toolTip()
    assert linkedin.text_problem.isVisible() and linkedin.text_problem.text() == rule
    assert f"LinkedIn · Text: {rule}" in editor.summary.text()
    assert linkedin.counter.text() == f"{number(3001)} / {number(3000)}"
    assert "color" in linkedin.counter.styleSheet()
    # The shortcut (or a click that gets through) does not schedule either.
    assert editor.schedule() is False
    assert ScheduledPost.select().count() == 0

    # Fixing the variant alone is enough: it diverges from the (still too long) base.
    linkedin.text_edit.setPlainText("Short and sweet")
    assert editor.schedule_button.isEnabled()
    assert not linkedin.text_problem.isVisible()
    assert linkedin.counter.text() == f"15 / {number(3000)}"

    # WordPress without a title; the tab says which one needs work.
    tick(editor, "Blog")
    wordpress = editor.panes["wordpress"]
    assert not editor.schedule_button.isEnabled()
    assert wordpress.title_problem.text() == "WordPress needs a title."
    assert "WordPress · Title: WordPress needs a title." in editor.summary.text()
    index = [editor.tabs.tabText(i) for i in range(editor.tabs.count())].index("WordPress")
    assert "WordPress needs a title" in editor.tabs.tabToolTip(index)
    editor.title_edit.setText("Launch")
    editor._base_changed()
    assert wordpress.title_edit.text() == "Launch"  # the title follows the base
    assert editor.schedule_button.isEnabled(), editor.problems


def test_instagram_needs_an_image_and_counts_hashtags(qtbot, open_editor, add_account):
    add_account("instagram", "Insta", {"account_id": "17"})
    editor = open_editor()
    tick(editor, "Insta")
    editor.text_edit.setPlainText("Hello " + "#tag " * 31)
    pane = editor.panes["instagram"]
    assert "# 31 / 30" in pane.counter.text() and "@ 0 / 20" in pane.counter.text()
    messages = pane.text_problem.text() + pane.media_problem.text()
    assert "Instagram allows at most 30 hashtags (31 now)." in messages
    assert "Instagram has no text-only posts: add a JPEG image." in messages
    assert not editor.schedule_button.isEnabled()


def test_the_only_account_is_chosen_at_once(qtbot, open_editor, add_account):
    only = add_account("linkedin", "Solo", {})
    editor = open_editor()
    assert editor.checked_account_ids() == [only.id]
    assert not editor.is_dirty()


def test_no_account_blocks_schedule_and_says_so(qtbot, open_editor, brands):
    editor = open_editor()
    editor.text_edit.setPlainText("Hello")
    assert not editor.schedule_button.isEnabled()
    assert "Accounts: choose at least one account" in editor.summary.text()
    assert editor.variants_stack.currentWidget() is editor.no_platform


# --- drafts --------------------------------------------------------------------------------------
def test_a_draft_saves_even_when_invalid_and_reopens_with_its_text(qtbot, ctx, open_editor, brands):
    li, fb = brands
    editor = open_editor()
    tick(editor, "Brand A", "Brand B")
    editor.title_edit.setText("Idea")
    editor.text_edit.setPlainText("y" * 3500)  # too long for LinkedIn
    editor.panes["facebook"].text_edit.setPlainText("Facebook words")
    set_time(editor, TOMORROW)
    assert not editor.schedule_button.isEnabled()
    assert editor.draft_button.isEnabled()
    qtbot.mouseClick(editor.draft_button, Qt.MouseButton.LeftButton)
    assert editor.result() == QDialog.DialogCode.Accepted
    assert ScheduledPost.select().count() == 0
    content = Content.get()
    assert content.text == "y" * 3500 and content.title == "Idea"

    again = open_editor(content_id=content.id)
    assert again.windowTitle() == "Edit draft"
    assert again.text_edit.toPlainText() == "y" * 3500
    assert sorted(again.checked_account_ids()) == sorted([li.id, fb.id])
    assert again.panes["facebook"].text_edit.toPlainText() == "Facebook words"
    assert again.panes["linkedin"].text_edit.toPlainText() == "y" * 3500
    assert "linkedin" in again.panes and "text" in again.panes["linkedin"].follows
    assert again.chosen_time() == TOMORROW
    assert not again.is_dirty()

    # Fixed and scheduled: the draft becomes the two posts (no draft left behind).
    again.text_edit.setPlainText("Now it fits")
    qtbot.mouseClick(again.schedule_button, Qt.MouseButton.LeftButton)
    assert again.result() == QDialog.DialogCode.Accepted
    assert ScheduledPost.select().count() == 2
    assert Content.select().count() == 1
    texts = {p.account_id: p.variant.text for p in ScheduledPost.select()}
    assert texts == {li.id: "Now it fits", fb.id: "Facebook words"}


def test_counter_says_when_linkedin_counts_characters_twice(qtbot, open_editor, brands):
    editor = open_editor()
    tick(editor, "Brand A")
    set_time(editor, TOMORROW)
    linkedin = editor.panes["linkedin"]
    editor.text_edit.setPlainText("Plain words")
    assert linkedin.counter.text() == f"11 / {number(3000)}"
    assert linkedin.counter.toolTip() == "Counted the way LinkedIn counts"

    # Sent as "\\(see\\) 🎉": the brackets are escaped, the emoji is two UTF-16 units.
    editor.text_edit.setPlainText("(see) 🎉")
    assert linkedin.counter.text() == (
        f"10 / {number(3000)}  ·  some characters count as more than one"
    )
    assert "LinkedIn counts each of" in linkedin.counter.toolTip()
    assert editor.schedule_button.isEnabled()

    # 1,501 brackets look like half the limit and are over it: refused here, not by LinkedIn.
    editor.text_edit.setPlainText("(" * 1501)
    assert not editor.schedule_button.isEnabled()
    assert linkedin.text_problem.text().startswith(
        "LinkedIn allows at most 3000 characters (3002 now: LinkedIn counts each of"
    )
    assert linkedin.counter.text().startswith(f"{number(3002)} / {number(3000)}")
    assert "color" in linkedin.counter.styleSheet()


# --- time ----------------------------------------------------------------------------------------
def test_a_time_in_the_past_is_refused(qtbot, open_editor, brands):
    editor = open_editor()
    tick(editor, "Brand A")
    editor.text_edit.setPlainText("Hello")
    set_time(editor, datetime.now(UTC) - timedelta(hours=2))
    assert not editor.schedule_button.isEnabled()
    assert editor.time_note.isVisible()
    assert "is in the past; choose a later time" in editor.time_note.text()
    assert "Time:" in editor.summary.text()
    assert editor.schedule() is False
    assert ScheduledPost.select().count() == 0
    set_time(editor, TOMORROW)
    assert editor.schedule_button.isEnabled()
    assert not editor.time_note.isVisible()


def test_resolve_local_names_missing_and_repeated_times():
    assert resolve_local(datetime(2027, 3, 28, 2, 30), WARSAW)[1] == "missing"
    moment, oddity = resolve_local(datetime(2027, 10, 31, 2, 30), WARSAW)
    assert oddity == "ambiguous"
    assert moment == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)  # the first 02:30 (CEST)
    assert resolve_local(datetime(2027, 1, 5, 9, 0), WARSAW) == (
        datetime(2027, 1, 5, 8, 0, tzinfo=UTC),
        None,
    )


def test_dst_times_are_explained(qtbot, open_editor, brands, monkeypatch):
    monkeypatch.setattr(timefmt, "local_zone", lambda: WARSAW)
    editor = open_editor()
    tick(editor, "Brand A")
    editor.text_edit.setPlainText("Hello")
    assert "Europe/Warsaw" in editor.zone_label.text()

    editor.set_wall_time(datetime(2027, 3, 28, 2, 30))
    assert not editor.schedule_button.isEnabled()
    assert "02:30 does not exist" in editor.time_note.text()
    assert "Europe/Warsaw" in editor.time_note.text()

    editor.set_wall_time(datetime(2027, 10, 31, 2, 30))
    assert editor.schedule_button.isEnabled()  # a warning, not a block
    assert editor.time_note.isVisible()
    assert "happens twice" in editor.time_note.text()
    assert "(CEST)" in editor.zone_label.text()
    qtbot.mouseClick(editor.schedule_button, Qt.MouseButton.LeftButton)
    assert ScheduledPost.get().publication_date == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)


def test_the_calendar_offers_no_time_further_ahead_than_may_be_scheduled(
    qtbot, open_editor, brands, add_post, monkeypatch
):
    monkeypatch.setattr(timefmt, "local_zone", lambda: WARSAW)
    editor = open_editor()
    latest = editor.when_edit.maximumDateTime()
    last_day = (datetime.now(UTC) + MAX_AHEAD).astimezone(WARSAW).date()
    assert latest.date().toPython() == last_day
    editor.set_wall_time(datetime(9999, 12, 31, 23, 30))
    assert editor.when_edit.dateTime() == latest

    # A post an older version stored at the end of the calendar (the year 10000 in Warsaw)
    # opens at the usual default instead of failing.
    post = add_post(brands[0], "Far", at=TOMORROW)
    edge = datetime(9999, 12, 31, 23, 30, tzinfo=UTC)
    ScheduledPost.update(publication_date=edge, due_at=edge).execute()
    reopened = open_editor(post_id=post.id)
    assert reopened.chosen_time() <= datetime.now(UTC) + timedelta(hours=1)


# --- closing -------------------------------------------------------------------------------------
def test_closing_with_unsaved_changes_asks(qtbot, open_editor, brands):
    clean = open_editor()
    clean.reject()  # nothing typed: closes without a question
    assert not clean.isVisible()

    editor = open_editor()
    tick(editor, "Brand A")
    qtbot.keyClicks(editor.text_edit, "Half a thought")
    questions: list[str] = []

    def answer(text: str) -> Callable[[QWidget], None]:
        def handle(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            questions.append(box.text())
            click_button(box, text)

        return handle

    answer_next_modal(answer("Cancel"))
    editor.close()
    assert editor.isVisible()  # Cancel keeps the editor and the text
    assert editor.text_edit.toPlainText() == "Half a thought"

    answer_next_modal(answer("Discard"))
    editor.reject()
    assert not editor.isVisible()
    assert Content.select().count() == 0

    third = open_editor()
    tick(third, "Brand B")
    qtbot.keyClicks(third.text_edit, "Keep me")
    answer_next_modal(answer("Save draft"))
    qtbot.keyClick(third, Qt.Key.Key_Escape)
    assert not third.isVisible()
    assert questions == ["Save this post as a draft?"] * 3
    assert Content.get().text == "Keep me"
    assert ScheduledPost.select().count() == 0


# --- images --------------------------------------------------------------------------------------
def test_dropping_an_image_adds_a_thumbnail(qtbot, open_editor, brands, tmp_path):
    photo = jpeg(tmp_path / "launch.jpg")
    editor = open_editor()
    tick(editor, "Brand A")
    drop_files(editor.media.list.viewport(), [photo])
    assert editor.media.media() == [str(photo)]
    qtbot.waitUntil(editor.media.thumbnails_loaded, timeout=5000)
    item = editor.media.list.item(0)
    assert item.text() == "launch.jpg"
    size = item.icon().availableSizes()[0]
    assert max(size.width(), size.height()) <= 64 and size.width() > size.height()
    # The platform's version follows the base images.
    assert editor.panes["linkedin"].media.media() == [str(photo)]

    # A file dropped on the text becomes an image, not its path typed into the post.
    second = jpeg(tmp_path / "team.jpg")
    drop_files(editor.text_edit.viewport(), [second])
    assert editor.media.media() == [str(photo), str(second)]
    assert editor.text_edit.toPlainText() == ""
    # A web page link dropped on the text is left to the text field (it is not an image).
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/article")])
    assert editor.text_drops.refs(mime) == []
    assert editor.media.router.refs(mime) == ["https://example.com/article"]
    # On a platform's own text, the image joins that version only.
    linkedin = editor.panes["linkedin"]
    drop_files(linkedin.text_edit.viewport(), [photo, tmp_path / "notes.txt"])
    assert linkedin.media.media() == [str(photo), str(second)]  # already there: no duplicate
    third = jpeg(tmp_path / "third.jpg")
    drop_files(linkedin.text_edit.viewport(), [third])
    assert linkedin.media.media() == [str(photo), str(second), str(third)]
    assert "media" not in linkedin.follows
    assert editor.media.media() == [str(photo), str(second)]

    editor.media.list.setCurrentRow(0)
    qtbot.mouseClick(editor.media.remove_button, Qt.MouseButton.LeftButton)
    assert editor.media.media() == [str(second)]


def test_image_links_are_accepted_without_fetching(qtbot, open_editor, brands):
    editor = open_editor()
    tick(editor, "Brand B")
    editor.media.add(["https://cdn.example/photo.jpg"])
    assert editor.media.thumbnails_loaded()
    assert editor.panes["facebook"].media.media() == ["https://cdn.example/photo.jpg"]


# --- editing and duplicating ---------------------------------------------------------------------
def test_editing_a_scheduled_post_changes_it(qtbot, open_editor, brands, add_post):
    li, fb = brands
    post = add_post([li, fb], "Old words", at=TOMORROW)
    other = ScheduledPost.get(ScheduledPost.account == fb.id)
    editor = open_editor(post_id=post.id)
    assert editor.windowTitle() == "Edit post"
    assert editor.accounts_list.count() == 1
    assert editor.checked_account_ids() == [li.id]
    assert not editor.accounts_list.item(0).flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert not editor.draft_button.isVisible()
    pane = editor.panes["linkedin"]
    assert pane.text_edit.toPlainText() == "Old words"
    later = TOMORROW + timedelta(hours=5)
    pane.text_edit.setPlainText("New words")
    set_time(editor, later)
    assert editor.schedule_button.text() == "Save changes"
    qtbot.mouseClick(editor.schedule_button, Qt.MouseButton.LeftButton)
    assert editor.result() == QDialog.DialogCode.Accepted

    changed = ScheduledPost.get_by_id(post.id)
    assert changed.variant.text == "New words"
    assert changed.publication_date == later and changed.status == Status.SCHEDULED
    assert ScheduledPost.get_by_id(other.id).variant.text == "Old words"


def test_an_edit_refused_by_the_engine_keeps_the_text(qtbot, open_editor, brands, add_post):
    post = add_post(brands[0], "Old words", at=TOMORROW)
    editor = open_editor(post_id=post.id)
    editor.panes["linkedin"].text_edit.setPlainText("New words")
    # The engine claims it while the editor is open.
    ScheduledPost.update(status=Status.PUBLISHING).where(ScheduledPost.id == post.id).execute()
    assert editor.schedule() is False
    assert editor.isVisible()
    assert "it is being published right now" in editor.summary.text()
    assert editor.panes["linkedin"].text_edit.toPlainText() == "New words"
    assert ContentVariant.get_by_id(post.variant_id).text == "Old words"


def test_duplicate_prefills_a_new_post(qtbot, open_editor, brands, add_post):
    li, _fb = brands
    post = add_post(li, "Original", link="https://example.com/a", at=TOMORROW)
    editor = open_editor(post_id=post.id, duplicate=True)
    assert editor.windowTitle() == "New post"
    assert editor.text_edit.toPlainText() == "Original"
    assert editor.checked_account_ids() == [li.id]
    assert editor.accounts_list.count() == 2  # a copy may go anywhere
    tick(editor, "Brand B")
    qtbot.mouseClick(editor.schedule_button, Qt.MouseButton.LeftButton)
    assert editor.result() == QDialog.DialogCode.Accepted
    assert ScheduledPost.select().count() == 3
    assert ScheduledPost.get_by_id(post.id).variant.text == "Original"


def test_a_variant_can_be_reset_to_the_base(qtbot, open_editor, brands):
    editor = open_editor()
    tick(editor, "Brand A")
    editor.text_edit.setPlainText("Base")
    pane = editor.panes["linkedin"]
    assert not pane.reset_button.isEnabled()
    pane.text_edit.setPlainText("Mine")
    assert pane.reset_button.isEnabled() and "text" not in pane.follows
    editor.text_edit.setPlainText("Base, changed")
    assert pane.text_edit.toPlainText() == "Mine"
    qtbot.mouseClick(pane.reset_button, Qt.MouseButton.LeftButton)
    assert pane.text_edit.toPlainText() == "Base, changed"
    editor.text_edit.setPlainText("Base again")
    assert pane.text_edit.toPlainText() == "Base again"


def test_renders_with_a_validation_error(qtbot, open_editor, brands, tmp_path):
    editor = open_editor()
    tick(editor, "Brand A", "Brand B")
    editor.text_edit.setPlainText("z" * 3100)
    editor.resize(1040, 760)
    qtbot.waitExposed(editor)
    pane = editor.panes["linkedin"]
    editor.show_platform("linkedin")
    assert pane.text_problem.isVisible()
    image = editor.grab()
    assert not image.isNull() and image.width() == 1040
    assert image.save(str(tmp_path / "editor.png"))


def test_ctrl_enter_schedules_from_the_text(qtbot, open_editor, brands):
    editor = open_editor()
    tick(editor, "Brand A")
    # Shortcuts reach the active window only.
    editor.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: editor.isActiveWindow(), timeout=2000)
    editor.text_edit.setFocus()
    qtbot.keyClicks(editor.text_edit, "Quick one")
    set_time(editor, TOMORROW)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.result() == QDialog.DialogCode.Accepted
    assert ScheduledPost.get().variant.text == "Quick one"


def test_editing_keeps_platform_extras(qtbot, open_editor, add_account, add_post):
    blog = add_account("wordpress", "Blog", {"site_url": "https://blog.example", "username": "me"})
    post = add_post(blog, "Body", title="Title", extra={"categories": [3]}, at=TOMORROW)
    editor = open_editor(post_id=post.id)
    editor.panes["wordpress"].title_edit.setText("Better title")
    qtbot.mouseClick(editor.schedule_button, Qt.MouseButton.LeftButton)
    variant = ScheduledPost.get_by_id(post.id).variant
    assert variant.title == "Better title" and variant.extra == {"categories": [3]}


def test_a_failed_post_is_edited_and_scheduled_again(qtbot, open_editor, brands, add_post):
    post = add_post(brands[0], "Token trouble", at=TOMORROW)
    yesterday = datetime.now(UTC) - timedelta(days=1)
    ScheduledPost.update(
        status=Status.FAILED, publication_date=yesterday, due_at=yesterday, last_error="Expired"
    ).where(ScheduledPost.id == post.id).execute()
    editor = open_editor(post_id=post.id)
    assert "This post failed: saving the changes schedules it again." in (
        editor.accounts_note.text()
    )
    assert editor.chosen_time() > datetime.now(UTC)  # not yesterday: that would be refused
    assert editor.schedule_button.isEnabled(), editor.problems
    qtbot.mouseClick(editor.schedule_button, Qt.MouseButton.LeftButton)
    changed = ScheduledPost.get_by_id(post.id)
    assert changed.status == Status.SCHEDULED and changed.last_error is None
    assert changed.publication_date == editor.chosen_time()


def test_platform_extras_have_fields_and_reach_the_post(qtbot, open_editor, add_account):
    """WordPress categories/tags/excerpt and image alt text are typed in the platform's tab,
    stored with its version, shown again when the post is edited, and checked by its rules."""
    wp = add_account(
        "wordpress", "Blog", {"site_url": "https://blog.example", "username": "editor"}
    )
    li = add_account("linkedin", "Brand A", {})
    editor = open_editor()
    tick(editor, "Blog", "Brand A")
    editor.text_edit.setPlainText("Caring for wool")
    qtbot.keyClicks(editor.title_edit, "Wool care")
    blog = editor.panes["wordpress"]
    assert set(blog.extra_edits) >= {"excerpt", "categories", "tags", "alt"}
    assert list(editor.panes["linkedin"].extra_edits) == ["alt"]  # only what LinkedIn reads
    qtbot.keyClicks(blog.extra_edits["categories"], "News,  Autumn , ")
    qtbot.keyClicks(blog.extra_edits["tags"], "wool")
    qtbot.keyClicks(blog.extra_edits["excerpt"], "How to keep it soft")
    # Alt text without an image breaks WordPress's rule, shown under the field itself.
    qtbot.keyClicks(blog.extra_edits["alt"], "A grey scarf")
    assert blog.extra_problems["alt"].isVisibleTo(blog)
    assert "image" in blog.extra_problems["alt"].text()
    assert not editor.schedule_button.isEnabled()
    blog.extra_edits["alt"].clear()
    qtbot.keyClicks(blog.extra_edits["alt"], " ")  # emptied by the user: no alt at all
    assert not blog.extra_problems["alt"].isVisibleTo(blog)
    set_time(editor, TOMORROW)
    assert editor.schedule_button.isEnabled(), editor.problems
    qtbot.mouseClick(editor.schedule_button, Qt.MouseButton.LeftButton)
    assert editor.result() == QDialog.DialogCode.Accepted

    post = ScheduledPost.get(ScheduledPost.account == wp.id)
    assert post.variant.extra == {
        "categories": ["News", "Autumn"],
        "tags": ["wool"],
        "excerpt": "How to keep it soft",
    }
    assert ScheduledPost.get(ScheduledPost.account == li.id).variant.extra == {}

    again = open_editor(post_id=post.id)
    assert again.panes["wordpress"].extra_edits["categories"].text() == "News, Autumn"
    assert again.panes["wordpress"].extra_edits["excerpt"].text() == "How to keep it soft"


def test_in_the_polish_ui_the_platform_rules_speak_polish(qtbot, qapp, open_editor, add_account):  # noqa: ANN001
    from desktop_publisher.gui.text import i18n

    add_account("instagram", "Insta", {"account_id": "17"})
    try:
        i18n.install(qapp, "pl")
        editor = open_editor()
        tick(editor, "Insta")
        editor.text_edit.setPlainText("Cześć " + "#tag " * 31)
        pane = editor.panes["instagram"]
        messages = pane.text_problem.text() + pane.media_problem.text()
        assert "Instagram pozwala na najwyżej 30 hashtagów (teraz: 31)." in messages
        assert "Instagram nie publikuje samego tekstu: dodaj obraz JPEG." in messages
        assert "Instagram nie publikuje samego tekstu" in editor.tabs.tabToolTip(0)
    finally:
        i18n.uninstall(qapp)
