#pragma once
// How numbers read in reports: durations, tokens, cost, dates.

#include <QDateTime>
#include <QString>

#include <optional>

namespace rb::report {

QString minutesSeconds(double seconds);   // 449 -> "7:29"
QString wallClock(double seconds);        // 646 -> "10 min 46 s", 3785 -> "1 h 3 min 5 s", 42 -> "42 s"
QString groupedNumber(qint64 n);          // 835801 -> "835,801"
QString usd(double amount);               // 4.87 -> "$4.87"
QString reportDate(const QDateTime &d);   // "2026-03-21 13:57" (UTC)

} // namespace rb::report
