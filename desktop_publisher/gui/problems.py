"""A validation problem (a post's variant, an account's form) in the UI's language.

The platforms and the account rules write their rules in English, marked for the catalogues
(context "Problem", see translatable.py); here the rule is translated and filled with the
problem's values. A value named "label" is a field's name, translated as the account form's
labels are (context "Platforms").
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from desktop_publisher.platforms.base import Problem

log = logging.getLogger(__name__)


def platform_tr(text: str) -> str:
    """A platform's own word (a field's label, "access token"…), marked in account_edit.py."""
    return QCoreApplication.translate("Platforms", text)


def problem_text(problem: Problem) -> str:
    rule = QCoreApplication.translate("Problem", problem.rule)
    args = dict(problem.args)
    if isinstance(args.get("label"), str):
        args["label"] = platform_tr(args["label"])
    try:
        return rule.format(**args)
    except (KeyError, IndexError, ValueError):
        # A translation that names a value the rule does not have: the English still says it.
        log.warning("the translation of %r does not fit its values", problem.rule)
        return problem.message
