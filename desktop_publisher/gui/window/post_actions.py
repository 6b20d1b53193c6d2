"""What the user does to the selected post: publish now, retry, reschedule, cancel, delete a
draft. Each asks what it must (lifecycle.py decides which statuses allow it), calls the post
service and says what went wrong; publishing runs on a job thread and marks the post busy."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from desktop_publisher.engine.events import EventBus
from desktop_publisher.errors import UserError
from desktop_publisher.gui.context import AppContext
from desktop_publisher.gui.notifications import platform_label
from desktop_publisher.gui.text import statuses, timefmt
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.gui.text.problems import error_text
from desktop_publisher.lifecycle import DRAFT, Action, allows
from desktop_publisher.store.models import Status
from desktop_publisher.store.queries import QueueRow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

PublishResult = tuple[int, Any, Exception | None]


def _wait_for_future(post_id: int, future: Any) -> PublishResult:
    """Runs on a job thread: waits for the engine's answer without holding the GUI thread."""
    try:
        return post_id, future.result(), None
    except Exception as exc:  # reported to the user on the GUI thread
        if not isinstance(exc, UserError):
            log.exception("publish now failed for post %s", post_id)
        return post_id, None, exc


def _publish_here(post_id: int, publish: Callable[..., Any]) -> PublishResult:
    """Runs on a job thread when another process owns the engine: publish this one post here.
    The claim (a compare-and-set) makes a race with that process harmless."""
    try:
        return post_id, publish(post_id, manual=True), None
    except Exception as exc:
        if not isinstance(exc, UserError):
            log.exception("publish now failed for post %s", post_id)
        return post_id, None, exc


class PostActions(QObject):
    """The actions on one post or draft, for `window` (the dialogs' parent)."""

    def __init__(
        self,
        window: QWidget,
        context: AppContext,
        show_error: Callable[[str], None],
        busy_changed: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.show_error = show_error
        self._busy_changed = busy_changed
        self.in_flight: set[int] = set()  # posts being published from this window
        self._fallback_events = EventBus()
        # Posts published here while another process owns the engine still notify the user (the
        # events come from a job thread; the bridge's signal takes them to this one).
        self._fallback_events.subscribe(context.bridge.event.emit)

    def publish_now(self, row: QueueRow | None) -> bool:
        """Hand the post to the engine (or publish it here); False when refused at once."""
        if row is None or row.kind != "post" or row.id in self.in_flight:
            return True
        post_id = row.id
        engine = self.context.engine
        try:
            if engine is not None:
                # A short DB read and a hand-over to the account's lane: the call itself runs
                # on the engine's thread.
                future = engine.publish_now(post_id)
                job: tuple[Any, ...] = (_wait_for_future, post_id, future)
            else:
                from desktop_publisher.engine.publishing import PublishingService

                post = self.context.posts.get(post_id)
                if not allows(Action.PUBLISH_NOW, post.status):
                    raise UserError(
                        fill(
                            QCoreApplication.translate(
                                "MainWindow",
                                "Post %1 is %2; only scheduled or queued posts can be "
                                "published now.",
                            ),
                            post_id,
                            statuses.label(post.status),
                        )
                    )
                service = PublishingService(
                    self.context.store, self.context.credentials, self._fallback_events
                )
                job = (_publish_here, post_id, service.publish_post)
        except UserError as exc:
            self.show_error(error_text(exc))
            return False
        self.in_flight.add(post_id)
        self._busy_changed()
        self.context.jobs.run(*job, on_done=self._publish_finished)
        return True

    def _publish_finished(self, result: PublishResult) -> None:
        post_id, outcome, error = result
        self.in_flight.discard(post_id)
        self._busy_changed()
        if error is not None:
            self.show_error(error_text(error))
        elif outcome is not None and not outcome.claimed and outcome.status != Status.PUBLISHED:
            self.show_error(
                fill(
                    QCoreApplication.translate(
                        "MainWindow", "Post %1 was not published now: it is %2."
                    ),
                    post_id,
                    statuses.label(outcome.status or "").lower(),
                )
            )
        self.context.notify_changed()

    def retry(self, row: QueueRow | None) -> None:
        from desktop_publisher.gui.dialogs import post_dialogs

        if row is None or row.kind != "post":
            return
        try:
            post = self.context.posts.get(row.id)
            if post.status == Status.NEEDS_CHECK:
                answer = post_dialogs.ask_needs_check(self.window, post)
                if answer == post_dialogs.PUBLISHED:
                    url, ok = post_dialogs.ask_published_link(self.window, post)
                    if not ok:
                        return
                    if not self.context.posts.mark_published(post.id, url):
                        raise UserError(
                            fill(
                                QCoreApplication.translate(
                                    "MainWindow", "Post %1 changed meanwhile; nothing was recorded."
                                ),
                                post.id,
                            )
                        )
                elif answer == post_dialogs.REPUBLISH:
                    self.context.posts.retry(post.id)
                else:
                    return
            else:
                self.context.posts.retry(post.id)
        except UserError as exc:
            self.show_error(error_text(exc))
        self.context.notify_changed()

    def reschedule(self, row: QueueRow | None) -> None:
        from desktop_publisher.gui.dialogs import post_dialogs

        if row is None or row.kind != "post":
            return
        try:
            post = self.context.posts.get(row.id)
            dialog = post_dialogs.RescheduleDialog(self.window, post)
            if dialog.exec() != post_dialogs.RescheduleDialog.DialogCode.Accepted:
                return
            assert dialog.chosen is not None
            self.context.posts.reschedule(post.id, dialog.chosen)
        except UserError as exc:
            self.show_error(error_text(exc))
        self.context.notify_changed()

    def cancel(self, row: QueueRow | None) -> None:
        from desktop_publisher.gui.dialogs import post_dialogs

        if row is None or row.kind != "post":
            return
        try:
            post = self.context.posts.get(row.id)
            question = fill(
                QCoreApplication.translate(
                    "MainWindow", "Cancel the post to %1 on %2, due %3? It will not be published."
                ),
                post.account.name,
                platform_label(post.account.platform),
                timefmt.when(post.publication_date),
            )
            if not post_dialogs.confirm(
                self.window,
                QCoreApplication.translate("MainWindow", "Cancel post"),
                question,
                QCoreApplication.translate("MainWindow", "Cancel post"),
                QCoreApplication.translate("MainWindow", "Keep it"),
            ):
                return
            self.context.posts.cancel(post.id)
        except UserError as exc:
            self.show_error(error_text(exc))
        self.context.notify_changed()

    def delete_draft(self, row: QueueRow | None) -> None:
        from desktop_publisher.gui.dialogs import post_dialogs

        if row is None or row.kind != DRAFT:
            return
        preview = row.preview[:60] + ("…" if len(row.preview) > 60 else "")
        if not post_dialogs.confirm(
            self.window,
            QCoreApplication.translate("MainWindow", "Delete draft"),
            fill(
                QCoreApplication.translate(
                    "MainWindow", "Delete the draft “%1”? This cannot be undone."
                ),
                preview,
            ),
            QCoreApplication.translate("MainWindow", "Delete draft"),
            QCoreApplication.translate("MainWindow", "Keep it"),
        ):
            return
        if not self.context.posts.delete_draft(row.id):
            self.show_error(
                QCoreApplication.translate(
                    "MainWindow", "This draft has been scheduled meanwhile; it was kept."
                )
            )
        self.context.notify_changed()
