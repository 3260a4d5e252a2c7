#include "report/format.h"

#include <QTimeZone>

#include <cmath>

namespace rb::report {

QString minutesSeconds(double seconds)
{
    const qint64 s = std::llround(std::max(0.0, seconds));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString wallClock(double seconds)
{
    const qint64 s = std::llround(std::max(0.0, seconds));
    const qint64 h = s / 3600;
    const qint64 m = (s % 3600) / 60;
    const qint64 sec = s % 60;
    if (h > 0)
        return QStringLiteral("%1 h %2 min %3 s").arg(h).arg(m).arg(sec);
    if (m > 0)
        return QStringLiteral("%1 min %2 s").arg(m).arg(sec);
    return QStringLiteral("%1 s").arg(sec);
}

QString groupedNumber(qint64 n)
{
    QString digits = QString::number(n < 0 ? -n : n);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return n < 0 ? QLatin1Char('-') + digits : digits;
}

QString usd(double amount) { return QStringLiteral("$") + QString::number(amount, 'f', 2); }

QString reportDate(const QDateTime &d)
{
    return d.toTimeZone(QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace rb::report
