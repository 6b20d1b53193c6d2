"""The window's big widgets: the calendar, the queue (model and view) and the details pane."""
