"""Built-in stages; importing this package registers them."""

from daphuong.pipeline.stages import clean, extract, normalize

__all__ = ["clean", "extract", "normalize"]
