"""The self-contained HTML comparison report: assemble (``build``), draw (``figures``), render."""

from .build import Report, build_report, highlight, safe_url

__all__ = ["Report", "build_report", "highlight", "safe_url"]
