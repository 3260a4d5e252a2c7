#include "diff/file_highlighter.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QElapsedTimer>
#include <QPalette>

namespace rb::ui {

FileHighlighter::FileHighlighter(KSyntaxHighlighting::Repository *repository, QObject *parent)
    : QObject(parent), m_repository(repository)
{
    m_timer.setInterval(0);
    m_timer.setSingleShot(false);
    connect(&m_timer, &QTimer::timeout, this, &FileHighlighter::highlightSlice);
}

void FileHighlighter::start(const QString &fileName, const QStringList &lines, const QPalette &palette)
{
    m_timer.stop();
    m_lines = lines;
    m_formats = QList<LineFormats>(lines.size());
    m_next = 0;
    m_state = KSyntaxHighlighting::State();
    // The theme must be set before the definition, or nothing is highlighted.
    m_engine.setTheme(m_repository->themeForPalette(palette));
    const KSyntaxHighlighting::Definition definition = m_repository->definitionForFileName(fileName);
    m_engine.setDefinition(definition);
    if (!definition.isValid()) {
        m_next = m_lines.size(); // plain text: nothing to do
        return;
    }
    m_timer.start();
}

const LineFormats &FileHighlighter::formats(int line) const
{
    static const LineFormats none;
    if (line < 1 || line > m_formats.size())
        return none;
    return m_formats[line - 1];
}

QString FileHighlighter::definitionName() const
{
    return m_engine.definition().isValid() ? m_engine.definition().name() : QString();
}

QString FileHighlighter::themeName() const
{
    return m_engine.theme().name();
}

void FileHighlighter::highlightSlice()
{
    // A slice stops after kLinesPerSlice lines or kSliceBudgetMs, whichever comes first, so
    // that input and painting never wait long behind highlighting.
    QElapsedTimer budget;
    budget.start();
    const qsizetype end = std::min<qsizetype>(m_lines.size(), m_next + kLinesPerSlice);
    for (; m_next < end && !budget.hasExpired(kSliceBudgetMs); ++m_next) {
        m_engine.current = &m_formats[m_next];
        m_state = m_engine.highlightLine(m_lines[m_next], m_state);
    }
    m_engine.current = nullptr;
    if (m_next >= m_lines.size())
        m_timer.stop();
    Q_EMIT progressed();
}

void FileHighlighter::Engine::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    if (!current || length <= 0 || format.isDefaultTextStyle(theme()))
        return;
    QTextCharFormat f;
    if (format.hasTextColor(theme()))
        f.setForeground(format.textColor(theme()));
    if (format.isBold(theme()))
        f.setFontWeight(QFont::Bold);
    if (format.isItalic(theme()))
        f.setFontItalic(true);
    if (format.isUnderline(theme()))
        f.setFontUnderline(true);
    current->append(QTextLayout::FormatRange{offset, length, f});
}

} // namespace rb::ui
