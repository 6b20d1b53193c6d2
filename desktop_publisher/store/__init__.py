"""Local storage: peewee models over one SQLite file per data dir."""
