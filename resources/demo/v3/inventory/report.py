"""Reports over stock levels."""


def low_stock(stock, skus, threshold=5):
    """The SKUs whose available quantity is below threshold, sorted."""
    return sorted(sku for sku in skus if stock.available(sku) < threshold)


def to_csv(stock, skus):
    """Stock levels as CSV text: a header, then one "sku,available" line per SKU."""
    lines = ["sku,available"]
    for sku in skus:
        lines.append(sku + "," + str(stock.available(sku)))
    return "\n".join(lines) + "\n"
