"""What the window stands on: the job thread, the engine's signals, one instance per data
folder, the PySide fixes, icons and the resources folder."""
