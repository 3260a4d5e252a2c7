#pragma once
// A value or an error message: the error type every fallible core function returns.
// Errors are values, decided on by code, shown to the user by message.

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace rb {

struct Error {
    QString message;
    int code = 1; // domain-specific code; callers decide on it, never on the message

    static Error of(QString msg, int errorCode = 1) { return Error{std::move(msg), errorCode}; }
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}           // NOLINT(google-explicit-constructor)
    Result(Error error) : m_data(std::move(error)) {}       // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// For functions that return nothing on success.
struct Ok {};
using Status = Result<Ok>;

} // namespace rb
