class Cache:
    def __init__(self, limit):
        self._limit = limit
        self._size = 0
        self._order = {}

    def delete(self, key):
        self._order.pop(key, None)

    def put(self, key, entry):
        self._order[key] = entry
        self._size += entry.size
