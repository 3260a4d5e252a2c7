"""Stock levels for the inventory service."""

import threading


class OutOfStock(Exception):
    """Raised when a reservation asks for more than is available."""


class Stock:
    """Available quantities per SKU, safe to use from several threads."""

    def __init__(self, levels=None):
        self._levels = dict(levels or {})
        self._lock = threading.Lock()

    def available(self, sku):
        with self._lock:
            return self._levels.get(sku, 0)

    def reserve(self, sku, quantity):
        if quantity <= 0:
            raise ValueError("quantity must be positive")
        with self._lock:
            have = self._levels.get(sku, 0)
            if have < quantity:
                raise OutOfStock(sku)
            self._levels[sku] = have - quantity

    def release(self, sku, quantity):
        with self._lock:
            self._levels[sku] = self._levels.get(sku, 0) + quantity
