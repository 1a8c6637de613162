"""One module per ``framing`` sub-command; see :mod:`framing.cli`."""
