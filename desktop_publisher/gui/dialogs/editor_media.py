"""The editor's media strip: thumbnails of the chosen images, add (files, a link, a drop), remove.

Thumbnails are decoded on a job thread (a 20 MB photo must not stall typing); links to images are
shown with a generic icon and never fetched: the window does no network work.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPalette,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_publisher.gui.infra.jobs import Jobs
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.platforms.base import is_url, media_type

THUMB = 56
REF_ROLE = Qt.ItemDataRole.UserRole
LOADED_ROLE = Qt.ItemDataRole.UserRole + 1
IMAGE_FILTER = "*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff"

# (path, size, mtime) -> decoded thumbnail; the base and each variant often show the same files.
_cache: dict[tuple[str, int, float], QImage] = {}


def load_thumbnail(path: str, size: int = THUMB) -> tuple[str, QImage | None]:
    """Runs on a job thread: a small image for `path`, or None when it cannot be read."""
    try:
        mtime = Path(path).stat().st_mtime
    except OSError:
        return path, None
    key = (path, size, mtime)
    cached = _cache.get(key)
    if cached is not None:
        return path, cached
    reader = QImageReader(path)
    reader.setAutoTransform(True)  # phone photos carry their rotation in EXIF
    full = reader.size()
    if full.isValid() and (full.width() > size or full.height() > size):
        reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return path, None
    if len(_cache) > 256:
        _cache.clear()
    _cache[key] = image
    return path, image


def refs_from_mime(mime: QMimeData) -> list[str]:
    """Local files and http(s) links carried by a drag (files from a file manager, an image
    dragged out of a browser)."""
    refs: list[str] = []
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                refs.append(url.toLocalFile())
            elif url.scheme() in ("http", "https"):
                refs.append(url.toString())
    elif mime.hasText():
        text = mime.text().strip()
        if is_url(text) and "\n" not in text:
            refs.append(text)
    return refs


class DropRouter(QObject):
    """Takes drops of files or links on a widget and hands them to `add`.

    With images_only (for a text field) only files and links that name an image are taken: a
    photo dropped on the text joins the post's images instead of its path being typed in, while
    a dropped web page link is still pasted as text.
    """

    def __init__(
        self,
        add: Callable[[list[str]], None],
        parent: QObject | None = None,
        images_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.add = add
        self.images_only = images_only

    def watch(self, widget: QWidget) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def refs(self, mime: QMimeData) -> list[str]:
        if not mime.hasUrls():
            return []  # plain text drags stay text
        refs = refs_from_mime(mime)
        if self.images_only:
            refs = [r for r in refs if (media_type(r) or "").startswith("image/")]
        return refs

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            refs = self.refs(event.mimeData())  # type: ignore[attr-defined]
            if not refs:
                return False
            event.acceptProposedAction()  # type: ignore[attr-defined]
            if kind == QEvent.Type.Drop:
                self.add(refs)
            return True
        return False


class MediaStrip(QWidget):
    """Thumbnails in a row with Add images…, Add link… and Remove. `changed` fires on every
    change the user makes (not on set_media)."""

    changed = Signal()

    def __init__(self, jobs: Jobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.last_dir = str(Path.home())
        self.list = QListWidget(self)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 22))
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frame = 2 * self.list.frameWidth()
        scroll = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        height = THUMB + 24 + frame + scroll
        self.list.setFixedHeight(height)
        self.list.setAccessibleName(self.tr("Images"))
        self.list.setToolTip(self.tr("Drop image files or links here"))
        self.list.itemSelectionChanged.connect(self._selection_changed)
        remove_key = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self.remove_selected)

        self.add_files_button = QPushButton(self.tr("Add images…"), self)
        self.add_files_button.clicked.connect(self.pick_files)
        self.add_link_button = QPushButton(self.tr("Add image link…"), self)
        self.add_link_button.clicked.connect(self.ask_link)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)

        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.add_files_button)
        buttons.addWidget(self.add_link_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        # Instead of an empty white box: what can go here, in the palette's dimmed text.
        self.empty = QLabel(self.tr("No images. Add some, or drop image files here."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setFixedHeight(height)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)
        self.stack.setFixedHeight(height)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        self.router = DropRouter(self.add, self)
        self.router.watch(self.list.viewport())
        self.router.watch(self.empty)
        self.router.watch(self)
        self._show_empty_hint()

    # --- contents ---------------------------------------------------------------------------
    def media(self) -> list[str]:
        return [self.list.item(i).data(REF_ROLE) for i in range(self.list.count())]

    def set_media(self, refs: list[str]) -> None:
        if refs == self.media():
            return
        self.list.clear()
        for ref in refs:
            self._append(ref)
        self._show_empty_hint()

    def add(self, refs: list[str]) -> None:
        present = set(self.media())
        added = False
        for ref in refs:
            if ref and ref not in present:
                self._append(ref)
                present.add(ref)
                added = True
        if added:
            self._show_empty_hint()
            self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.list.takeItem(row)
        if rows:
            self._show_empty_hint()
            self.changed.emit()

    def thumbnails_loaded(self) -> bool:
        """Every local image has its decoded thumbnail (tests wait for this)."""
        return all(self.list.item(i).data(LOADED_ROLE) for i in range(self.list.count()))

    # --- user actions -----------------------------------------------------------------------
    def pick_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add images"),
            self.last_dir,
            fill(self.tr("Images (%1);;All files (*)"), IMAGE_FILTER),
        )
        if paths:
            self.last_dir = str(Path(paths[0]).parent)
            self.add(paths)

    def ask_link(self) -> None:
        text, ok = QInputDialog.getText(
            self, self.tr("Add image link"), self.tr("Address of the image (https://…):")
        )
        link = text.strip()
        if not ok or not link:
            return
        if not is_url(link):
            QMessageBox.warning(
                self,
                self.tr("Add image link"),
                self.tr("Image link: it must start with https:// (or http://)."),
            )
            return
        self.add([link])

    # --- internals --------------------------------------------------------------------------
    def _append(self, ref: str) -> None:
        name = Path(ref).name if not is_url(ref) else ref.rstrip("/").rsplit("/", 1)[-1]
        item = QListWidgetItem(name or ref)
        item.setData(REF_ROLE, ref)
        item.setToolTip(ref)
        style = self.style()
        if is_url(ref):
            item.setIcon(
                _theme("image-x-generic", style.standardIcon(QStyle.StandardPixmap.SP_FileLinkIcon))
            )
            item.setData(LOADED_ROLE, True)
        elif not Path(ref).is_file():
            item.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            item.setToolTip(fill(self.tr("%1 (file not found)"), ref))
            item.setData(LOADED_ROLE, True)
        else:
            item.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
            item.setData(LOADED_ROLE, False)
            self.jobs.run(load_thumbnail, ref, THUMB, on_done=self._thumbnail_ready)
        self.list.addItem(item)

    def _thumbnail_ready(self, result: tuple[str, QImage | None]) -> None:
        path, image = result
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(REF_ROLE) != path:
                continue
            if image is None:
                item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
                item.setToolTip(fill(self.tr("%1 (not an image this app can read)"), path))
            else:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            item.setData(LOADED_ROLE, True)

    def _show_empty_hint(self) -> None:
        self.stack.setCurrentWidget(self.list if self.list.count() else self.empty)

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))


def _theme(name: str, fallback: QIcon) -> QIcon:
    found = QIcon.fromTheme(name)
    return fallback if found.isNull() else found
