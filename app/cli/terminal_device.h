#pragma once
// Standard output or error as seen by the CLI's messages: every write passes through
// escapeControlBytes (util/terminal_text.h), so that an agent's standard error or a name
// from a review file never puts escape sequences or NUL bytes on the terminal. Reports and
// patches written to standard output bypass it (they are data, written verbatim).

#include <QIODevice>

#include <cstdio>

namespace rb::cli {

class TerminalDevice : public QIODevice {
public:
    explicit TerminalDevice(std::FILE *file);

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    std::FILE *m_file;
    QByteArray m_pending;
};

} // namespace rb::cli
