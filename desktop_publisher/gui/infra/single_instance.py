"""One window per data dir: a second launch asks the first to come forward, then exits."""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha1(str(data_dir.resolve()).encode()).hexdigest()[:12]
    return f"desktop-publisher-{getpass.getuser()}-{digest}"


def forward(name: str, message: str = "show") -> bool:
    """True when a running instance took the message."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(message.encode() + b"\n")
    socket.flush()
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
    return True


class SingleInstance(QObject):
    messageReceived = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(name):
            # A socket file left by a crashed instance: nobody answered forward(), so take it.
            QLocalServer.removeServer(name)
            self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # The sender writes one short line and hangs up: read it here, briefly.
            if not socket.canReadLine():
                socket.waitForReadyRead(CONNECT_TIMEOUT_MS)
            message = bytes(socket.readAll().data()).decode(errors="replace").strip()
            socket.disconnectFromServer()
            socket.deleteLater()
            if message:
                self.messageReceived.emit(message)

    def close(self) -> None:
        self.server.close()
