"""The post editor: one piece of content, the accounts it goes to, one version per platform, and
when it goes out.

Opened by the main window as
`PostEditor(context, parent, initial_date=…)` (a new post), `content_id=…` (a draft),
`post_id=…` (one scheduled post), each with `duplicate=True` to start a new post from it.

Every change re-checks each platform's rules (platforms/base.py Limits and validate) and shows the
problem next to its field; "Schedule" stays disabled, with the reason on hover, until nothing is
left. "Save draft" always works. The editor reads and writes the local store only (short
statements); it never touches the network or the keyring.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QSize, Qt, QTime, QTimeZone
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from desktop_publisher.errors import UserError
from desktop_publisher.gui.context import AppContext
from desktop_publisher.gui.dialogs.editor_checks import EditorChecks
from desktop_publisher.gui.dialogs.editor_layout import (
    DRAFT,
    NEW,
    POST,
    build_editor,
    platform_rank,
)
from desktop_publisher.gui.dialogs.editor_media import refs_from_mime
from desktop_publisher.gui.dialogs.editor_variant import VariantPane
from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.text import timefmt
from desktop_publisher.gui.text.problems import (
    error_text,
)
from desktop_publisher.platforms import registry
from desktop_publisher.platforms.base import PostVariant
from desktop_publisher.posts import EditedContent, media_host_available
from desktop_publisher.store.models import Account
from desktop_publisher.when import latest, next_full_hour, resolve_local

log = logging.getLogger(__name__)

SUMMARY_LINES = 3
SUMMARY_CHARS = 110

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class PostEditor(EditorChecks, QDialog):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        initial_date: date | datetime | None = None,
        content_id: int | None = None,
        post_id: int | None = None,
        duplicate: bool = False,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.zone = timefmt.zone()
        # May raise UserError (the draft or post is gone): the caller shows it.
        if post_id is not None:
            data = context.posts.load_post(post_id)
        elif content_id is not None:
            data = context.posts.load_content(content_id)
        else:
            data = EditedContent()
        if duplicate:
            self.mode = NEW
            self.content_id: int | None = None
            self.post_id: int | None = None
        elif post_id is not None:
            self.mode, self.content_id, self.post_id = POST, data.content_id, post_id
        elif content_id is not None:
            self.mode, self.content_id, self.post_id = DRAFT, content_id, None
        else:
            self.mode, self.content_id, self.post_id = NEW, None, None
        self.media_host = media_host_available()
        self.accounts = {a.id: a for a in context.accounts.list()}
        self.post_status: str | None = None
        if self.mode == POST:
            post = context.posts.get(post_id)  # type: ignore[arg-type]
            self.accounts = {post.account_id: post.account}
            self.post_status = post.status
        self.panes: dict[str, VariantPane] = {}
        self.scrollers: dict[str, QScrollArea] = {}
        self.problems: list[str] = []
        self.result_posts: list[Any] = []
        self._loading = True

        self.setWindowTitle(
            {NEW: self.tr("New post"), DRAFT: self.tr("Edit draft"), POST: self.tr("Edit post")}[
                self.mode
            ]
        )
        self.setWindowIcon(icons.app_icon())
        self.setSizeGripEnabled(True)
        self.setAcceptDrops(True)
        build_editor(self)
        self._load(data, initial_date)
        self._loading = False
        self.revalidate()
        self.saved_state = self.state()
        self._fit_to_screen()
        if self.mode == POST and self.panes:
            next(iter(self.panes.values())).text_edit.setFocus()
        else:
            self.text_edit.setFocus()

    # --- construction ----------------------------------------------------------------------
    def _fit_to_screen(self) -> None:
        size = QSize(1040, 760)
        screen = (self.parentWidget() or self).screen()
        if screen is not None:
            room = screen.availableGeometry().size() * 0.92
            size = size.boundedTo(room)
        self.resize(size)

    def _load(self, data: EditedContent, initial: date | datetime | None) -> None:
        self.title_edit.setText(data.title or "")
        self.text_edit.setPlainText(data.text or "")
        self.link_edit.setText(data.link or "")
        self.media.set_media(list(data.media))
        chosen = list(data.account_ids)
        if not chosen and self.content_id is None and len(self.accounts) == 1:
            chosen = list(self.accounts)  # the only account: nothing to choose
        self.accounts_list.blockSignals(True)
        for i in range(self.accounts_list.count()):
            item = self.accounts_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in chosen:
                item.setCheckState(Qt.CheckState.Checked)
        self.accounts_list.blockSignals(False)
        self._sync_tabs()
        for platform, variant in data.variants.items():
            pane = self._pane(platform)
            if pane is not None:
                pane.set_variant(variant)
        now = datetime.now(self.zone)
        at: datetime | None = data.at
        if at is not None and not now < at <= latest(now):
            # A copy of a past post, an old draft, a failed post (or a time beyond what may be
            # scheduled, stored by an older version): the usual default instead.
            at = None
        if at is None and initial is not None:
            if isinstance(initial, datetime):
                at = initial
            else:
                at = datetime.combine(initial, time(9, 0), tzinfo=self.zone)
                if at <= now:
                    at = None
        local = (at or next_full_hour(now)).astimezone(self.zone)
        self.set_wall_time(local.replace(tzinfo=None))

    # --- state -------------------------------------------------------------------------------
    def base_variant(self) -> PostVariant:
        return PostVariant(
            text=self.text_edit.toPlainText(),
            title=self.title_edit.text().strip() or None,
            link=self.link_edit.text().strip() or None,
            media=self.media.media(),
        )

    def checked_account_ids(self) -> list[int]:
        return [
            self.accounts_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.accounts_list.count())
            if self.accounts_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def chosen_platforms(self) -> list[str]:
        platforms = {self.accounts[i].platform for i in self.checked_account_ids()}
        return sorted(platforms, key=lambda p: (platform_rank(p), p))

    def wall_time(self) -> datetime:
        """The chosen local wall-clock time (naive, minutes)."""
        value = self.when_edit.dateTime()
        d, t = value.date(), value.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def set_wall_time(self, wall: datetime) -> None:
        self.when_edit.setDateTime(
            QDateTime(
                QDate(wall.year, wall.month, wall.day),
                QTime(wall.hour, wall.minute),
                QTimeZone.utc(),
            )
        )

    def chosen_time(self) -> datetime:
        return resolve_local(self.wall_time(), self.zone)[0]

    def content(self) -> EditedContent:
        base = self.base_variant()
        return EditedContent(
            text=base.text,
            title=base.title or "",
            link=base.link,
            media=list(base.media),
            variants={
                p: self.panes[p].variant() for p in self.chosen_platforms() if p in self.panes
            },
            account_ids=self.checked_account_ids(),
            at=self.chosen_time(),
        )

    def state(self) -> tuple:
        """What the user would lose: compared with the last saved state to ask on close."""
        data = self.content()
        return (
            data.text,
            data.title,
            data.link,
            tuple(data.media),
            tuple(sorted(data.account_ids)),
            tuple(
                (p, v.text, v.title, v.link, tuple(v.media))
                for p, v in sorted(data.variants.items())
            ),
            self.wall_time(),
        )

    def is_dirty(self) -> bool:
        return self.state() != self.saved_state

    # --- reactions ---------------------------------------------------------------------------
    def _base_changed(self) -> None:
        if self._loading:
            return
        for pane in self.panes.values():
            pane.apply_base()
        self.revalidate()

    def _accounts_changed(self) -> None:
        self._sync_tabs()
        self.revalidate()

    def _time_changed(self) -> None:
        if not self._loading:
            self.revalidate()

    def _pane(self, platform: str) -> VariantPane | None:
        if platform not in self.panes:
            try:
                cls = registry.publisher_class(platform)
            except UserError:
                log.warning("no platform %r for a variant; it is not shown", platform)
                return None
            pane = VariantPane(cls, self.context.jobs, self.base_variant, self)
            pane.changed.connect(self.revalidate)
            self.panes[platform] = pane
        return self.panes[platform]

    def _scroller(self, pane: VariantPane) -> QScrollArea:
        """A pane scrolls inside its tab rather than squeezing its problem lines."""
        area = self.scrollers.get(pane.platform)
        if area is None:
            area = QScrollArea(self)
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            area.setWidget(pane)
            self.scrollers[pane.platform] = area
        return area

    def pane_at(self, index: int) -> VariantPane:
        area = self.tabs.widget(index)
        assert isinstance(area, QScrollArea)
        pane = area.widget()
        assert isinstance(pane, VariantPane)
        return pane

    def _current_pane(self) -> VariantPane | None:
        index = self.tabs.currentIndex()
        return self.pane_at(index) if index >= 0 else None

    def show_platform(self, platform: str) -> None:
        """Bring a platform's tab to the front."""
        if platform in self.scrollers:
            self.tabs.setCurrentWidget(self.scrollers[platform])

    def _sync_tabs(self) -> None:
        """One tab per platform of the ticked accounts; a platform's pane is kept while hidden
        so untick-and-tick again does not lose its own text."""
        chosen = [p for p in self.chosen_platforms() if self._pane(p) is not None]
        current = self._current_pane()
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for platform in chosen:
            pane = self.panes[platform]
            names = [
                self.accounts[i].name
                for i in self.checked_account_ids()
                if self.accounts[i].platform == platform
            ]
            pane.set_accounts(names)
            label = pane.cls.label if len(names) == 1 else f"{pane.cls.label} ({len(names)})"
            self.tabs.addTab(self._scroller(pane), icons.platform_icon(platform), label)
        if current is not None and current.platform in chosen:
            self.tabs.setCurrentIndex(chosen.index(current.platform))
        self.tabs.blockSignals(False)
        self.variants_stack.setCurrentWidget(self.tabs if chosen else self.no_platform)

    # --- actions -----------------------------------------------------------------------------
    def schedule(self) -> bool:
        """Schedule (or, for a post, save) when nothing blocks it; True when done."""
        if self.revalidate():
            self.schedule_button.setFocus()
            return False
        try:
            if self.mode == POST:
                assert self.post_id is not None
                platform = self.chosen_platforms()[0]
                post = self.context.posts.update_post(
                    self.post_id, self.content(), self.panes[platform].variant()
                )
                self.result_posts = [post]
            else:
                accounts = list(Account.select().where(Account.id.in_(self.checked_account_ids())))
                order = {a: n for n, a in enumerate(self.checked_account_ids())}
                accounts.sort(key=lambda a: order[a.id])
                self.result_posts = self.context.posts.schedule(
                    accounts, self.content(), self.content_id if self.mode == DRAFT else None
                )
        except UserError as exc:
            self._show_summary(error_text(exc))
            self.schedule_button.setEnabled(False)
            return False
        self.saved_state = self.state()
        self.context.notify_changed()
        self.accept()
        return True

    def save_draft(self) -> bool:
        """Keep the content as a draft (never refused for what it says); True when saved."""
        if self.mode == POST:
            return self.schedule()
        try:
            self.content_id = self.context.posts.save_draft(self.content(), self.content_id)
        except UserError as exc:
            self._show_summary(error_text(exc))
            return False
        self.mode = DRAFT
        self.saved_state = self.state()
        self.context.notify_changed()
        return True

    def save_draft_and_close(self) -> None:
        if self.save_draft():
            self.accept()

    def ask_unsaved(self) -> str:
        """SAVE, DISCARD or CANCEL: what to do with changes when the editor closes."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.windowTitle())
        if self.mode == POST:
            box.setText(self.tr("Save the changes to this post?"))
            save_text = self.tr("Save changes")
        else:
            box.setText(self.tr("Save this post as a draft?"))
            box.setInformativeText(
                self.tr("A draft keeps everything you wrote; schedule it later.")
            )
            save_text = self.tr("Save draft")
        save = box.addButton(save_text, QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return SAVE
        if clicked is discard:
            return DISCARD
        return CANCEL

    def reject(self) -> None:
        """Esc, Cancel and the window's close button all come here: ask before losing work."""
        if self.isVisible() and self.is_dirty():
            answer = self.ask_unsaved()
            if answer == CANCEL:
                return
            if answer == SAVE:
                saved = self.schedule() if self.mode == POST else self.save_draft()
                if not saved:
                    return  # the reason is shown; the text stays
                if self.mode == POST:
                    return  # schedule() accepted the dialog already
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.reject()
        if self.isVisible():
            event.ignore()

    # --- drops anywhere on the editor go to the base images ---------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if refs_from_mime(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802
        if refs_from_mime(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        refs = refs_from_mime(event.mimeData())
        if refs:
            self.media.add(refs)
            event.acceptProposedAction()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._loading:
            self.revalidate()  # message colours follow the palette
