"""Loading and validating every input of the edition into one frozen `Inputs`."""

from .edition import Inputs, load_inputs

__all__ = ["Inputs", "load_inputs"]
