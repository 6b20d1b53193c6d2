"""The window's question before importing accounts from the earlier publishing service's
variables: from this session's environment, or from a .env file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


def ask_env_source(parent: QWidget) -> str | None:
    """ "" for this session's environment, a .env file's path, or None (cancelled)."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "Import accounts"))
    box.setText(
        QCoreApplication.translate(
            "MainWindow",
            "Import the accounts of the earlier publishing service from its variables "
            "(LINKEDIN_ACCESS_TOKEN, FACEBOOK_ACCESS_TOKEN, …)?",
        )
    )
    from_env = box.addButton(
        QCoreApplication.translate("MainWindow", "From this session"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    from_file = box.addButton(
        QCoreApplication.translate("MainWindow", "From a .env file…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is from_env:
        return ""
    if clicked is not from_file:
        return None
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("MainWindow", "Choose a .env file"),
        "",
        QCoreApplication.translate("MainWindow", "Environment files (*.env .env);;All files (*)"),
    )
    return path or None
