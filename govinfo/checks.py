"""The table rules as Frictionless custom checks (kept at this documented path)."""

from .reconcile.frictionless import GovinfoRule, identity_checks

__all__ = ["GovinfoRule", "identity_checks"]
