// A fixed-capacity ring buffer for the scanner feed.
#pragma once

#include <array>
#include <cstddef>
#include <optional>

template <typename T, std::size_t Capacity>
class RingBuffer {
public:
    bool push(const T &value)
    {
        if (m_size == Capacity)
            return false;
        m_items[(m_head + m_size) % Capacity] = value;
        ++m_size;
        return true;
    }

    std::optional<T> pop()
    {
        if (m_size == 0)
            return std::nullopt;
        T value = m_items[m_head];
        m_head = (m_head + 1) % Capacity;
        --m_size;
        return value;
    }

    std::size_t size() const { return m_size; }

private:
    std::array<T, Capacity> m_items{};
    std::size_t m_head = 0;
    std::size_t m_size = 0;
};
