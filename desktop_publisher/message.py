"""A message as a rule and its values, so each reader words it in its own language.

`rule` is an English template marked for the catalogues (QT_TRANSLATE_NOOP, see
translatable.py) under `context`; `values` fill its `{named}` places. A value may itself be a
Message (a step such as "uploading photo.jpg", the error an engine's note wraps): it is worded
the same way. `advice`, when set, fills the rule's `{advice}` place (advice.py): the command
line words it as a command, the window as the place to click. `english()` is what the command
line, the logs and the database's `last_error` read. Qt-free; the window translates in gui/.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop_publisher.advice import Advice, command_line
from desktop_publisher.redaction import redact


@dataclass(frozen=True)
class Message:
    rule: str
    values: Mapping[str, Any] = field(default_factory=dict, hash=False)
    context: str = "Error"
    advice: Advice | None = None

    def english(self) -> str:
        """The rule filled in English, the advice worded for the command line."""
        values = {
            key: value.english() if isinstance(value, Message) else value
            for key, value in self.values.items()
        }
        if self.advice is not None:
            values["advice"] = command_line(self.advice, values)
        return self.rule.format(**values)

    def __str__(self) -> str:
        return self.english()

    def redacted(self) -> Message:
        """The same message with every secret masked in its values (redaction.py)."""
        values = {
            key: value.redacted()
            if isinstance(value, Message)
            else redact(value)
            if isinstance(value, str)
            else value
            for key, value in self.values.items()
        }
        return Message(self.rule, values, self.context, self.advice)

    # --- stored as JSON (the post's last_error_detail, an event) ---------------------------
    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "context": self.context,
            "values": {
                key: {"message": value.to_data()} if isinstance(value, Message) else value
                for key, value in self.values.items()
            },
        }
        if self.advice is not None:
            data["advice"] = self.advice.value
        return data

    @classmethod
    def from_data(cls, data: Any) -> Message | None:
        """The message stored by to_data; None for anything else (an older or damaged row)."""
        if not isinstance(data, dict) or not isinstance(data.get("rule"), str):
            return None
        values: dict[str, Any] = {}
        raw = data.get("values")
        for key, value in raw.items() if isinstance(raw, dict) else ():
            if isinstance(value, dict):
                value = cls.from_data(value.get("message"))
                if value is None:
                    return None
            values[str(key)] = value
        try:
            advice = Advice(data["advice"]) if data.get("advice") else None
        except ValueError:  # an advice a newer version knows: the English still says it
            return None
        return cls(data["rule"], values, str(data.get("context") or "Error"), advice)

    def to_json(self) -> str:
        return json.dumps(self.to_data(), ensure_ascii=False, sort_keys=True)


def stored_detail(data: Any, english: str | None) -> Message | None:
    """The message stored beside an English text, when it still words that text: a writer that
    knows nothing of the detail (an older version, a status change) leaves a stale one."""
    message = Message.from_data(data.get("message") if isinstance(data, dict) else None)
    if message is None or english is None or data.get("english") != english:
        return None
    return message


def detail_data(message: Message | None, english: str | None) -> dict[str, Any] | None:
    """What is stored beside `english` for `message` (read back with stored_detail)."""
    if message is None or english is None:
        return None
    return {"english": english, "message": message.to_data()}
