"""Telegram front end: python-telegram-bot handlers around the one AnswerService."""
