"""The self-contained HTML comparison report: assemble (``sections``), draw (``figures``), render."""

from .build import Report, build_report
from .evidence import highlight
from .urls import safe_url

__all__ = ["Report", "build_report", "highlight", "safe_url"]
