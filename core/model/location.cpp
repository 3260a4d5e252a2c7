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

} // namespace rb
