"""Reports over stock levels."""


def low_stock(stock, skus, threshold=5):
    """The SKUs whose available quantity is below threshold, sorted."""
    return sorted(sku for sku in skus if stock.available(sku) < threshold)
