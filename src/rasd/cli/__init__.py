"""The `rasd` command line: extract and resources (main), the store commands (store), batch, and eval."""

from .commands import app, main

__all__ = ["app", "main"]
