#include "cli/terminal_device.h"

#include "util/terminal_text.h"

namespace rb::cli {

TerminalDevice::TerminalDevice(std::FILE *file) : m_file(file)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 TerminalDevice::writeData(const char *data, qint64 size)
{
    const QByteArray safe = escapeControlBytes(QByteArray::fromRawData(data, qsizetype(size)), m_pending);
    if (!safe.isEmpty() && std::fwrite(safe.constData(), 1, std::size_t(safe.size()), m_file) != std::size_t(safe.size()))
        return -1;
    std::fflush(m_file);
    return size;
}

} // namespace rb::cli
