#include "search/path_filter.h"

namespace rb::ui {

PathFilter::PathFilter(const QString &pattern)
    : m_text(pattern.trimmed())
{
    const bool wildcard = m_text.contains(QLatin1Char('*')) || m_text.contains(QLatin1Char('?'))
        || (m_text.contains(QLatin1Char('[')) && m_text.indexOf(QLatin1Char(']')) > m_text.indexOf(QLatin1Char('[')));
    if (!wildcard)
        return;
    QRegularExpression glob(QRegularExpression::wildcardToRegularExpression(m_text, QRegularExpression::NonPathWildcardConversion),
                            QRegularExpression::CaseInsensitiveOption);
    if (glob.isValid()) {
        m_glob = glob;
        m_nameOnly = !m_text.contains(QLatin1Char('/'));
    }
}

bool PathFilter::matches(const QString &path) const
{
    if (m_text.isEmpty())
        return true;
    if (!isGlob())
        return path.contains(m_text, Qt::CaseInsensitive);
    if (m_glob.match(path).hasMatch())
        return true;
    return m_nameOnly && m_glob.match(path.section(QLatin1Char('/'), -1)).hasMatch();
}

bool PathFilter::matches(const QString &path, const QString &oldPath) const
{
    return matches(path) || (!oldPath.isEmpty() && oldPath != path && matches(oldPath));
}

} // namespace rb::ui
