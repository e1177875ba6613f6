"""safepost: a scheduled-post safety gate."""

__version__ = "0.1.0"
