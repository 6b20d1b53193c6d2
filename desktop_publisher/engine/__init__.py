"""The publishing engine: what replaces the original worker and Beat. No Qt here."""
