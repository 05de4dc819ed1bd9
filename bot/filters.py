"""When a message is meant for the bot: always in a private chat; in a group only when the bot
is mentioned, replied to, or named in a command."""

from __future__ import annotations

import re

from telegram import Message, MessageEntity
from telegram.constants import ChatType
from telegram.ext.filters import MessageFilter

_ENTITY_TYPES: list[str | None] = [
    MessageEntity.MENTION,
    MessageEntity.TEXT_MENTION,
    MessageEntity.BOT_COMMAND,
]


class Addressed(MessageFilter):
    """Passes messages addressed to this bot (see the module docstring)."""

    def filter(self, message: Message) -> bool:
        if message.chat.type == ChatType.PRIVATE:
            return True
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied and replied.from_user and replied.from_user.id == bot.id:
            return True
        name = f"@{bot.username}".lower()
        entities = {**message.parse_entities(_ENTITY_TYPES)}
        entities.update(message.parse_caption_entities(_ENTITY_TYPES))
        for entity, text in entities.items():
            if entity.type == MessageEntity.TEXT_MENTION and entity.user:
                if entity.user.id == bot.id:
                    return True
            elif text.lower().endswith(name):
                return True
        return False


ADDRESSED = Addressed(name="Addressed")


def strip_mention(text: str, username: str | None) -> str:
    """The question without the "@botname" that addressed it."""
    if username:
        text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    return " ".join(text.split())
