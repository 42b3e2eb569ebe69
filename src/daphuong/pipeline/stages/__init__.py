"""Built-in stages; importing this package registers them."""

from daphuong.pipeline.stages import clean, normalize

__all__ = ["clean", "normalize"]
