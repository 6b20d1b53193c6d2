"""The post editor's layout: the accounts to post to and the time on the left, the base post
(title, text, link, images) and one tab per platform on the right, what blocks scheduling and the
buttons below. Only construction: the parts are set on the editor under the names it (and the
tests) use, and connected to its reactions. The texts keep the "PostEditor" context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QSize, Qt, QTime, QTimeZone
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_publisher.gui.dialogs.editor_media import DropRouter, MediaStrip
from desktop_publisher.gui.dialogs.editor_variant import CompactTextEdit
from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.notifications import platform_label
from desktop_publisher.lifecycle import EDITABLE, PENDING, Status
from desktop_publisher.platforms import registry
from desktop_publisher.when import latest

if TYPE_CHECKING:
    from desktop_publisher.gui.dialogs.editor import PostEditor

# The order of the platform tabs: the built-in platforms first, then any other by name.
TAB_ORDER = tuple(registry.BUILTIN)

NEW, DRAFT, POST = "new", "draft", "post"


def platform_rank(platform: str) -> int:
    return TAB_ORDER.index(platform) if platform in TAB_ORDER else len(TAB_ORDER)


def build_editor(editor: PostEditor) -> None:
    """Make the editor's widgets, lay them out and connect them."""
    # Accounts (left)
    editor.accounts_list = QListWidget(editor)
    editor.accounts_list.setAccessibleName(
        QCoreApplication.translate("PostEditor", "Accounts to post to")
    )
    editor.accounts_list.setIconSize(QSize(18, 18))
    for account in sorted(
        editor.accounts.values(), key=lambda a: (platform_rank(a.platform), a.name.lower())
    ):
        item = QListWidgetItem(icons.platform_icon(account.platform), account.name)
        item.setData(Qt.ItemDataRole.UserRole, account.id)
        item.setToolTip(platform_label(account.platform))
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
        if editor.mode == POST:
            flags = Qt.ItemFlag.ItemIsEnabled  # a post keeps its account; Duplicate moves it
        item.setFlags(flags)
        item.setCheckState(Qt.CheckState.Unchecked)
        editor.accounts_list.addItem(item)
    editor.accounts_list.itemChanged.connect(lambda _item: editor._accounts_changed())
    accounts_box = QGroupBox(QCoreApplication.translate("PostEditor", "Post to"), editor)
    accounts_layout = QVBoxLayout(accounts_box)
    accounts_layout.addWidget(editor.accounts_list, 1)
    editor.accounts_note = QLabel(editor)
    editor.accounts_note.setWordWrap(True)
    if not editor.accounts:
        editor.accounts_note.setText(
            QCoreApplication.translate(
                "PostEditor", "No accounts yet. Connect one in Accounts…, then choose it here."
            )
        )
    elif (
        editor.mode == POST and editor.post_status in EDITABLE and editor.post_status not in PENDING
    ):
        editor.accounts_note.setText(
            QCoreApplication.translate(
                "PostEditor", "This post failed: saving the changes schedules it again."
            )
            if editor.post_status == Status.FAILED
            else QCoreApplication.translate(
                "PostEditor", "This post was cancelled: saving the changes schedules it again."
            )
        )
    elif editor.mode == POST:
        editor.accounts_note.setText(
            QCoreApplication.translate(
                "PostEditor", "An edited post keeps its account. Use Duplicate to post elsewhere."
            )
        )
    else:
        editor.accounts_note.setText(
            QCoreApplication.translate("PostEditor", "Tick every account this post goes to.")
        )
    editor.accounts_note.setEnabled(False)  # the palette's secondary text
    accounts_layout.addWidget(editor.accounts_note)

    # Base content (top right)
    editor.title_edit = QLineEdit(editor)
    editor.title_edit.setPlaceholderText(
        QCoreApplication.translate("PostEditor", "Working title (WordPress uses it as the title)")
    )
    editor.title_edit.setAccessibleName(QCoreApplication.translate("PostEditor", "Title"))
    editor.text_edit = CompactTextEdit(editor)
    editor.text_edit.setAccessibleName(QCoreApplication.translate("PostEditor", "Text"))
    editor.text_edit.setPlaceholderText(
        QCoreApplication.translate(
            "PostEditor", "Write the post once here; adapt it per platform below."
        )
    )
    editor.text_edit.setTabChangesFocus(True)
    editor.text_edit.setMinimumHeight(80)
    editor.link_edit = QLineEdit(editor)
    editor.link_edit.setPlaceholderText("https://…")
    editor.link_edit.setAccessibleName(QCoreApplication.translate("PostEditor", "Link"))
    editor.media = MediaStrip(editor.context.jobs, editor)
    base_box = QGroupBox(QCoreApplication.translate("PostEditor", "Post"), editor)
    grid = QGridLayout(base_box)
    grid.setColumnStretch(1, 1)
    grid.setRowStretch(1, 1)
    top_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
    for row, (text, widget) in enumerate(
        (
            (QCoreApplication.translate("PostEditor", "T&itle:"), editor.title_edit),
            (QCoreApplication.translate("PostEditor", "&Text:"), editor.text_edit),
            (QCoreApplication.translate("PostEditor", "Lin&k:"), editor.link_edit),
            (QCoreApplication.translate("PostEditor", "Images:"), editor.media),
        )
    ):
        caption = QLabel(text, editor)
        caption.setBuddy(widget)
        grid.addWidget(caption, row, 0, top_right)
        grid.addWidget(widget, row, 1)
    editor.title_edit.textEdited.connect(lambda _t: editor._base_changed())
    editor.text_edit.textChanged.connect(editor._base_changed)
    editor.link_edit.textEdited.connect(lambda _t: editor._base_changed())
    editor.media.changed.connect(editor._base_changed)
    # A file dropped on the text is an image for the post, not its path typed in.
    editor.text_drops = DropRouter(editor.media.add, editor, images_only=True)
    editor.text_drops.watch(editor.text_edit.viewport())

    # One tab per platform (bottom right)
    editor.tabs = QTabWidget(editor)
    editor.tabs.setDocumentMode(True)
    editor.no_platform = QLabel(
        QCoreApplication.translate(
            "PostEditor",
            "Choose one or more accounts: each platform's version of the post appears here.",
        ),
        editor,
    )
    editor.no_platform.setAlignment(Qt.AlignmentFlag.AlignCenter)
    editor.no_platform.setWordWrap(True)
    editor.no_platform.setEnabled(False)
    editor.variants_stack = QStackedWidget(editor)
    editor.variants_stack.addWidget(editor.no_platform)
    editor.variants_stack.addWidget(editor.tabs)
    variants_box = QGroupBox(QCoreApplication.translate("PostEditor", "Per platform"), editor)
    variants_layout = QVBoxLayout(variants_box)
    variants_layout.setContentsMargins(4, 4, 4, 4)
    variants_layout.addWidget(editor.variants_stack)

    right = QSplitter(Qt.Orientation.Vertical, editor)
    right.setChildrenCollapsible(False)
    right.addWidget(base_box)
    right.addWidget(variants_box)
    right.setStretchFactor(0, 2)
    right.setStretchFactor(1, 3)
    right.setSizes([300, 420])
    editor.splitter = right

    # When
    editor.when_edit = QDateTimeEdit(editor)
    editor.when_edit.setCalendarPopup(True)
    # A plain wall-clock editor: Qt would silently shift a time skipped by DST; this editor
    # explains it instead (see resolve_local).
    editor.when_edit.setTimeZone(QTimeZone.utc())
    editor.when_edit.setDisplayFormat("ddd d MMM yyyy  HH:mm")
    # The calendar offers no time further ahead than a post may be scheduled (when.latest).
    last = latest().astimezone(editor.zone)
    editor.when_edit.setMaximumDateTime(
        QDateTime(
            QDate(last.year, last.month, last.day),
            QTime(last.hour, last.minute),
            QTimeZone.utc(),
        )
    )
    editor.when_edit.setAccessibleName(
        QCoreApplication.translate("PostEditor", "Publication date and time")
    )
    editor.when_edit.dateTimeChanged.connect(lambda _dt: editor._time_changed())
    editor.zone_label = QLabel(editor)
    editor.zone_label.setEnabled(False)
    editor.time_note = QLabel(editor)
    editor.time_note.setWordWrap(True)
    editor.time_note.hide()
    when_box = QGroupBox(QCoreApplication.translate("PostEditor", "When"), editor)
    when_layout = QVBoxLayout(when_box)
    when_layout.addWidget(editor.when_edit)
    when_layout.addWidget(editor.zone_label)
    when_layout.addWidget(editor.time_note)
    left = QVBoxLayout()
    left.addWidget(accounts_box, 1)
    left.addWidget(when_box)
    left_widget = QWidget(editor)
    left_widget.setLayout(left)
    left.setContentsMargins(0, 0, 0, 0)
    left_widget.setFixedWidth(250)

    # What blocks scheduling, and the buttons
    editor.summary_icon = QLabel(editor)
    editor._warning_icon = editor.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    editor.summary_icon.setPixmap(editor._warning_icon.pixmap(20, 20))
    editor.summary = QLabel(editor)
    editor.summary.setWordWrap(True)
    editor.summary.setTextFormat(Qt.TextFormat.PlainText)
    editor.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    bottom = QHBoxLayout()
    bottom.addWidget(editor.summary_icon, 0, Qt.AlignmentFlag.AlignTop)
    bottom.addWidget(editor.summary, 1)

    editor.buttons = QDialogButtonBox(editor)
    editor.schedule_button = QPushButton(
        QCoreApplication.translate("PostEditor", "Save changes")
        if editor.mode == POST
        else QCoreApplication.translate("PostEditor", "Schedule"),
        editor,
    )
    editor.schedule_button.setDefault(False)
    editor.schedule_button.setAutoDefault(False)
    editor.buttons.addButton(editor.schedule_button, QDialogButtonBox.ButtonRole.AcceptRole)
    editor.draft_button = QPushButton(
        QCoreApplication.translate("PostEditor", "Save draft"), editor
    )
    editor.draft_button.setAutoDefault(False)
    editor.draft_button.setToolTip(
        QCoreApplication.translate("PostEditor", "Keep this post without scheduling it (Ctrl+S)")
    )
    if editor.mode != POST:
        editor.buttons.addButton(editor.draft_button, QDialogButtonBox.ButtonRole.ActionRole)
    else:
        editor.draft_button.hide()
    editor.cancel_button = editor.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    editor.cancel_button.setAutoDefault(False)
    editor.schedule_button.clicked.connect(editor.schedule)
    editor.draft_button.clicked.connect(editor.save_draft_and_close)
    editor.cancel_button.clicked.connect(editor.reject)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), editor, activated=editor.schedule)
    if editor.mode != POST:
        QShortcut(QKeySequence.StandardKey.Save, editor, activated=editor.save_draft_and_close)

    bottom.addSpacing(12)
    bottom.addWidget(editor.buttons, 0, Qt.AlignmentFlag.AlignBottom)
    top = QHBoxLayout()
    top.addWidget(left_widget)
    top.addWidget(right, 1)
    layout = QVBoxLayout(editor)
    layout.addLayout(top, 1)
    layout.addLayout(bottom)
