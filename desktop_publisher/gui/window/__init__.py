"""The main window and its parts (imported by name: nothing is loaded here)."""
