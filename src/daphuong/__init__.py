"""daphuong: knowledge and coordination for multilateral and people-to-people diplomacy."""

__version__ = "0.1.0"
