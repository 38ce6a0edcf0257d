"""Loading and validating every input of the edition into one frozen `Edition`."""

from .edition import Edition, load_edition

__all__ = ["Edition", "load_edition"]
