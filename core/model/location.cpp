#include "model/location.h"

namespace rb {

QString Location::toString() const
{
    if (!hasLines())
        return path;
    if (endLine <= startLine)
        return QStringLiteral("%1:%2").arg(path).arg(startLine);
    return QStringLiteral("%1:%2-%3").arg(path).arg(startLine).arg(endLine);
}

QString Location::describe() const
{
    if (stale)
        return toString() + QStringLiteral(" (stale: its code is gone)");
    if (movedFrom > 0)
        return toString() + QStringLiteral(" (moved from line %1)").arg(movedFrom);
    return toString();
}

} // namespace rb
