"""The version of govinfo (its own module, so that nothing inside imports the package's top)."""

__version__ = "0.1.0"
