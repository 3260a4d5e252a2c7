#pragma once
// Ctrl-C (SIGINT) and SIGTERM delivered as a Qt signal on the event loop, through a
// self-pipe: the handler only writes one byte, which is async-signal-safe.

#include <QObject>

class QSocketNotifier;

namespace rb::cli {

class InterruptNotifier : public QObject {
    Q_OBJECT
public:
    // Installs the handlers; the destructor restores the previous ones. One at a time.
    explicit InterruptNotifier(QObject *parent = nullptr);
    ~InterruptNotifier() override;

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace rb::cli
