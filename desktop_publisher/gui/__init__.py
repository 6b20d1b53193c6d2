"""The window. The only package that imports Qt; it talks to the engine through signals."""
