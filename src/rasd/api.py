"""The rasd HTTP API and dashboard, kept importable here: the code lives in `rasd.serve`."""

from rasd.serve import CSP, STATIC_DIR, BodyLimit, DocumentIn, Settings, create_app

__all__ = ["CSP", "STATIC_DIR", "BodyLimit", "DocumentIn", "Settings", "create_app"]
