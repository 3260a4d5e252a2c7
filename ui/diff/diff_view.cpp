#include "diff/diff_view.h"
#include "style/appearance.h"

#include "style/severity_style.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>
#include <QTimer>
#include <QToolTip>

namespace rb::ui {

using git::LineKind;

namespace {
constexpr int kMarkerWidth = 5;
constexpr int kPadding = 6;

QColor blend(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(base.redF() * (1 - amount) + tint.redF() * amount,
                            base.greenF() * (1 - amount) + tint.greenF() * amount,
                            base.blueF() * (1 - amount) + tint.blueF() * amount);
}

struct RowColors {
    QColor added, removed, addedStrong, removedStrong, header, gap, filler, number, flash, found, foundCurrent;
};

RowColors colorsFor(const QPalette &pal)
{
    const QColor base = pal.color(QPalette::Base);
    const bool dark = isDark(pal);
    const QColor green = dark ? QColor(0x2e, 0xa0, 0x43) : QColor(0x1a, 0x7f, 0x37);
    const QColor red = dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
    return RowColors{blend(base, green, dark ? 0.22 : 0.12), blend(base, red, dark ? 0.22 : 0.12),
                     blend(base, green, dark ? 0.45 : 0.30), blend(base, red, dark ? 0.45 : 0.30),
                     blend(base, pal.color(QPalette::Highlight), 0.10), blend(base, pal.color(QPalette::Text), 0.06),
                     blend(base, pal.color(QPalette::Text), 0.03), pal.color(QPalette::PlaceholderText),
                     blend(base, pal.color(QPalette::Highlight), 0.35),
                     // Find highlights: amber for every match, orange for the current one.
                     // Dark schemes keep them darker, so that the light code text stays readable on them.
                     blend(base, QColor(0xf5, 0xc2, 0x11), dark ? 0.28 : 0.55),
                     blend(base, QColor(0xff, 0x7a, 0x00), dark ? 0.50 : 0.70)};
}
} // namespace

DiffView::DiffView(KSyntaxHighlighting::Repository *repository, QWidget *parent)
    : QAbstractScrollArea(parent), m_oldHighlighter(repository), m_newHighlighter(repository)
{
    setObjectName(QStringLiteral("diffView"));
    followCodeFont(this); // the desktop's fixed-width font, or the one chosen in Preferences
    viewport()->setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    const auto repaint = [this] { viewport()->update(); };
    connect(&m_oldHighlighter, &FileHighlighter::progressed, this, repaint);
    connect(&m_newHighlighter, &FileHighlighter::progressed, this, repaint);
    showMessage(tr("Select a file to see its diff."));
}

void DiffView::setFile(const QString &path, std::shared_ptr<const git::FilePatch> patch, const QByteArray &oldText,
                       const QByteArray &newText)
{
    m_message.clear();
    m_path = path;
    m_patch = std::move(patch);
    m_oldLines = splitLines(oldText);
    m_newLines = splitLines(newText);
    m_expanded.clear();
    m_flashLine = 0;
    m_currentMatch = -1;
    rebuildRows();
    restartHighlighting();
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
}

void DiffView::showMessage(const QString &message)
{
    m_message = message;
    m_path.clear();
    m_patch.reset();
    m_unified.clear();
    m_side.clear();
    m_oldLines.clear();
    m_newLines.clear();
    m_currentMatch = -1;
    refreshMatches();
    updateScrollBars();
    viewport()->update();
}

void DiffView::restartHighlighting()
{
    m_oldHighlighter.start(m_path, m_oldLines, palette());
    m_newHighlighter.start(m_path, m_newLines, palette());
}

void DiffView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    refreshMatches();
    updateScrollBars();
    viewport()->update();
}

void DiffView::setMarkers(const QList<DiffMarker> &markers)
{
    m_markers = markers;
    m_markersByLine.clear();
    for (int i = 0; i < m_markers.size(); ++i) {
        const DiffMarker &m = m_markers[i];
        const int last = std::max(m.startLine, std::min(m.endLine, m.startLine + 5000));
        for (int line = std::max(1, m.startLine); line <= last; ++line)
            m_markersByLine[line] << i;
    }
    viewport()->update();
}

void DiffView::rebuildRows()
{
    DiffRowsInput input;
    input.patch = m_patch.get();
    input.newLines = m_newLines;
    input.newLineCount = int(m_newLines.size());
    input.expandedGaps = m_expanded;
    m_unified = unifiedRows(input);
    m_side = sideBySideRows(m_unified);
    refreshMatches();
    updateScrollBars();
    viewport()->update();
}

void DiffView::refreshMatches()
{
    const bool hadCurrent = m_currentMatch >= 0 && m_currentMatch < m_matches.size();
    const DiffMatch previous = hadCurrent ? m_matches[m_currentMatch] : DiffMatch{};
    m_matches = m_mode == Mode::Unified ? findInRows(m_unified, m_newLines, m_findText, m_findOptions)
                                        : findInRows(m_side, m_newLines, m_findText, m_findOptions);
    m_matchesByRow.clear();
    for (int i = 0; i < m_matches.size(); ++i)
        if (!m_matches[i].hidden)
            m_matchesByRow[m_matches[i].row] << i;
    m_currentMatch = hadCurrent ? sameMatch(m_matches, previous) : -1;
    Q_EMIT matchesChanged();
    viewport()->update();
}

void DiffView::setFindText(const QString &text, const FindOptions &options)
{
    if (text == m_findText && options == m_findOptions)
        return;
    m_findText = text;
    m_findOptions = options;
    m_currentMatch = -1;
    refreshMatches();
    // Find as you type: the first match from the top of the view on.
    if (!m_matches.isEmpty())
        scrollToMatch(stepMatch(m_matches, -1, true, firstVisibleRow()));
}

bool DiffView::findStep(bool forward)
{
    const int next = stepMatch(m_matches, m_currentMatch, forward, firstVisibleRow());
    if (next < 0)
        return false;
    scrollToMatch(next);
    return true;
}

void DiffView::scrollToMatch(int index)
{
    if (index < 0 || index >= m_matches.size())
        return;
    m_currentMatch = index;
    if (m_matches[index].hidden) {
        m_expanded.insert(m_matches[index].gapId); // the match keeps its place: refreshMatches finds it again
        const int first = firstVisibleRow();
        rebuildRows();
        verticalScrollBar()->setValue(first);
        if (m_currentMatch < 0)
            return;
    }
    const DiffMatch &m = m_matches[m_currentMatch];
    const int visible = std::max(1, viewport()->height() / rowHeight());
    const int first = firstVisibleRow();
    if (m.row < first || m.row >= first + visible - 1)
        verticalScrollBar()->setValue(std::max(0, m.row - visible / 3));
    // Horizontally: the match's start and end inside the text column.
    QString text;
    if (m_mode == Mode::Unified)
        text = m_unified[m.row].text;
    else
        text = m.side == 0 ? m_side[m.row].left.text : m_side[m.row].right.text;
    QTextLayout layout(text, font());
    QTextOption option;
    option.setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    option.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(1e6);
    layout.endLayout();
    if (line.isValid()) {
        const int from = int(line.cursorToX(m.start));
        const int to = int(line.cursorToX(m.start + m.length));
        const int available = m_mode == Mode::Unified ? viewport()->width() - 2 * numberWidth() - kMarkerWidth - 4 - kPadding
                                                      : viewport()->width() / 2 - numberWidth() - kMarkerWidth - kPadding;
        const int scroll = horizontalScrollBar()->value();
        if (from < scroll || to > scroll + available)
            horizontalScrollBar()->setValue(std::max(0, from - available / 4));
    }
    Q_EMIT matchesChanged();
    viewport()->update();
}

QList<DiffView::Highlight> DiffView::highlightsAt(int row, int side) const
{
    QList<Highlight> out;
    const auto it = m_matchesByRow.constFind(row);
    if (it == m_matchesByRow.cend())
        return out;
    // Side by side, an unchanged line's match is recorded on the new side and shown on both.
    const bool leftIsContext = m_mode == Mode::SideBySide && side == 0 && m_side[row].left.present()
        && m_side[row].left.kind == LineKind::Context;
    for (int i : *it) {
        const DiffMatch &m = m_matches[i];
        if (side < 0 || m.side == side || (leftIsContext && m.side == 1))
            out << Highlight{m.start, m.length, i == m_currentMatch};
    }
    return out;
}

void DiffView::expandGap(int gapId)
{
    m_expanded.insert(gapId);
    const int first = firstVisibleRow();
    rebuildRows();
    verticalScrollBar()->setValue(first);
}

void DiffView::expandAll()
{
    if (!m_patch)
        return;
    for (int g = 0; g <= m_patch->hunks.size(); ++g)
        m_expanded.insert(g);
    rebuildRows();
}

int DiffView::rowCount() const { return int(m_mode == Mode::Unified ? m_unified.size() : m_side.size()); }
int DiffView::rowHeight() const { return fontMetrics().lineSpacing() + 2; }
int DiffView::firstVisibleRow() const { return verticalScrollBar()->value(); }
int DiffView::visibleRowCount() const { return viewport()->height() / rowHeight() + 1; }

int DiffView::numberWidth() const
{
    const int lines = int(std::max(m_oldLines.size(), m_newLines.size()));
    const int digits = std::max(3, int(QString::number(lines).size()));
    return fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits + 2 * kPadding;
}

void DiffView::updateScrollBars()
{
    const int visible = std::max(1, viewport()->height() / rowHeight());
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setSingleStep(3);
    verticalScrollBar()->setRange(0, std::max(0, rowCount() - visible + 1));
    int longest = 0;
    for (const QString &l : m_newLines)
        longest = std::max(longest, int(l.size()));
    for (const QString &l : m_oldLines)
        longest = std::max(longest, int(l.size()));
    const int textWidth = fontMetrics().horizontalAdvance(QLatin1Char('x')) * (longest + 8);
    const int available = m_mode == Mode::Unified ? viewport()->width() - 2 * numberWidth() - kMarkerWidth
                                                  : viewport()->width() / 2 - numberWidth() - kMarkerWidth;
    horizontalScrollBar()->setRange(0, std::max(0, textWidth - available));
    horizontalScrollBar()->setPageStep(std::max(1, available));
}

void DiffView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void DiffView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_path.isEmpty())
        restartHighlighting(); // the theme follows the palette
    if (event->type() == QEvent::FontChange)
        updateScrollBars();
}

int DiffView::rowAt(int y) const
{
    const int row = firstVisibleRow() + y / rowHeight();
    return row < rowCount() ? row : -1;
}

QList<const DiffMarker *> DiffView::markersAt(int newLine) const
{
    QList<const DiffMarker *> out;
    for (int i : m_markersByLine.value(newLine))
        out << &m_markers[i];
    return out;
}

bool DiffView::inGutter(int x) const
{
    if (m_mode == Mode::Unified)
        return x < 2 * numberWidth() + kMarkerWidth;
    const int half = viewport()->width() / 2;
    return x >= half && x < half + numberWidth() + kMarkerWidth;
}

void DiffView::paintNumberCell(QPainter &p, int number, int x, int y, int width, bool markerSide, int newLine)
{
    const RowColors colors = colorsFor(palette());
    if (number > 0) {
        p.setPen(colors.number);
        p.drawText(QRect(x, y, width - kPadding, rowHeight()), Qt::AlignRight | Qt::AlignVCenter, QString::number(number));
    }
    if (!markerSide || newLine <= 0)
        return;
    const QList<const DiffMarker *> markers = markersAt(newLine);
    if (markers.isEmpty())
        return;
    // The most severe finding on the line gives the colour.
    Severity worst = markers.first()->severity;
    for (const DiffMarker *m : markers)
        if (rank(m->severity) > rank(worst))
            worst = m->severity;
    p.fillRect(QRect(x + width, y, kMarkerWidth, rowHeight()), severityColor(worst, palette()));
}

void DiffView::paintText(QPainter &p, const QString &text, const LineFormats &formats,
                         const QList<git::TextRange> &changes, LineKind kind, int x, int y, int width,
                         const QList<Highlight> &found)
{
    const RowColors colors = colorsFor(palette());
    QTextLayout layout(text, font());
    QTextOption option;
    option.setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    option.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(option);
    layout.setFormats(formats);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(1e6);
    layout.endLayout();
    p.save();
    p.setClipRect(QRect(x, y, width, rowHeight()));
    const int textX = x + kPadding - horizontalScrollBar()->value();
    if (line.isValid()) {
        const QColor strong = kind == LineKind::Added ? colors.addedStrong : colors.removedStrong;
        for (const git::TextRange &r : changes) {
            const qreal from = line.cursorToX(r.start);
            const qreal to = line.cursorToX(r.start + r.length);
            p.fillRect(QRectF(textX + from, y, std::max<qreal>(2, to - from), rowHeight()), strong);
        }
        for (const Highlight &h : found) {
            const qreal from = line.cursorToX(h.start);
            const qreal to = line.cursorToX(h.start + h.length);
            const QRectF box(textX + from, y + 1, std::max<qreal>(2, to - from), rowHeight() - 2);
            p.fillRect(box, h.current ? colors.foundCurrent : colors.found);
            if (h.current) {
                p.setPen(QPen(colors.foundCurrent.darker(140), 1));
                p.drawRect(box.adjusted(0, 0, -1, -1));
            }
        }
    }
    p.setPen(palette().color(QPalette::Text));
    layout.draw(&p, QPointF(textX, y + 1));
    p.restore();
}

void DiffView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QPalette pal = palette();
    const RowColors colors = colorsFor(pal);
    p.fillRect(viewport()->rect(), pal.color(QPalette::Base));
    if (!m_message.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const int h = rowHeight();
    const int nw = numberWidth();
    const int width = viewport()->width();
    const int first = firstVisibleRow();
    const int last = std::min(rowCount(), first + visibleRowCount());
    for (int row = first; row < last; ++row) {
        const int y = (row - first) * h;
        if (m_mode == Mode::Unified) {
            const UnifiedRow &r = m_unified[row];
            if (r.kind != RowKind::Line) {
                p.fillRect(QRect(0, y, width, h), r.kind == RowKind::Gap ? colors.gap : colors.header);
                p.setPen(pal.color(QPalette::PlaceholderText));
                p.drawText(QRect(2 * nw + kMarkerWidth + kPadding, y, width, h), Qt::AlignVCenter, r.text);
                continue;
            }
            QColor bg = r.lineKind == LineKind::Added ? colors.added : r.lineKind == LineKind::Removed ? colors.removed
                                                                                                        : pal.color(QPalette::Base);
            if (m_flashLine > 0 && r.newLine == m_flashLine)
                bg = colors.flash;
            p.fillRect(QRect(0, y, width, h), bg);
            paintNumberCell(p, r.oldLine, 0, y, nw, false, 0);
            paintNumberCell(p, r.newLine, nw, y, nw, true, r.newLine);
            const LineFormats &formats = r.lineKind == LineKind::Removed ? m_oldHighlighter.formats(r.oldLine)
                                                                          : m_newHighlighter.formats(r.newLine);
            const int textX = 2 * nw + kMarkerWidth;
            p.setPen(colors.number);
            p.drawText(QRect(textX, y, kPadding, h), Qt::AlignVCenter,
                       r.lineKind == LineKind::Added ? QStringLiteral("+") : r.lineKind == LineKind::Removed ? QStringLiteral("−") : QString());
            paintText(p, r.text, formats, r.changes, r.lineKind, textX + 4, y, width - textX - 4, highlightsAt(row, -1));
        } else {
            const SideBySideRow &r = m_side[row];
            if (r.kind != RowKind::Line) {
                p.fillRect(QRect(0, y, width, h), r.kind == RowKind::Gap ? colors.gap : colors.header);
                p.setPen(pal.color(QPalette::PlaceholderText));
                p.drawText(QRect(nw + kMarkerWidth + kPadding, y, width, h), Qt::AlignVCenter, r.text);
                continue;
            }
            const int half = width / 2;
            const DiffCell *cells[] = {&r.left, &r.right};
            for (int side = 0; side < 2; ++side) {
                const DiffCell &c = *cells[side];
                const int x0 = side * half;
                QColor bg = !c.present() ? colors.filler
                            : c.kind == LineKind::Added ? colors.added
                            : c.kind == LineKind::Removed ? colors.removed
                                                          : pal.color(QPalette::Base);
                if (side == 1 && m_flashLine > 0 && c.line == m_flashLine)
                    bg = colors.flash;
                p.fillRect(QRect(x0, y, half, h), bg);
                if (!c.present())
                    continue;
                paintNumberCell(p, c.line, x0, y, nw, side == 1, side == 1 ? c.line : 0);
                const LineFormats &formats = side == 0 ? m_oldHighlighter.formats(c.line) : m_newHighlighter.formats(c.line);
                paintText(p, c.text, formats, c.changes, c.kind, x0 + nw + kMarkerWidth, y, half - nw - kMarkerWidth,
                          highlightsAt(row, side));
            }
            p.setPen(pal.color(QPalette::Mid));
            p.drawLine(half, y, half, y + h);
        }
    }
}

void DiffView::mousePressEvent(QMouseEvent *event)
{
    const int row = rowAt(int(event->position().y()));
    if (row < 0)
        return QAbstractScrollArea::mousePressEvent(event);
    const bool unified = m_mode == Mode::Unified;
    const RowKind kind = unified ? m_unified[row].kind : m_side[row].kind;
    if (kind == RowKind::Gap) {
        expandGap(unified ? m_unified[row].gapId : m_side[row].gapId);
        return;
    }
    const int newLine = unified ? m_unified[row].newLine : m_side[row].right.line;
    if (kind == RowKind::Line && inGutter(int(event->position().x()))) {
        const QList<const DiffMarker *> markers = markersAt(newLine);
        if (!markers.isEmpty()) {
            Q_EMIT findingClicked(markers.first()->findingId);
            return;
        }
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void DiffView::mouseMoveEvent(QMouseEvent *event)
{
    const int row = rowAt(int(event->position().y()));
    bool pointer = false;
    if (row >= 0) {
        const bool unified = m_mode == Mode::Unified;
        const RowKind kind = unified ? m_unified[row].kind : m_side[row].kind;
        const int newLine = unified ? m_unified[row].newLine : m_side[row].right.line;
        pointer = kind == RowKind::Gap || (inGutter(int(event->position().x())) && !markersAt(newLine).isEmpty());
    }
    viewport()->setCursor(pointer ? Qt::PointingHandCursor : Qt::IBeamCursor);
    QAbstractScrollArea::mouseMoveEvent(event);
}

bool DiffView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos().y());
        if (row >= 0) {
            const int newLine = m_mode == Mode::Unified ? m_unified[row].newLine : m_side[row].right.line;
            QStringList lines;
            for (const DiffMarker *m : markersAt(newLine))
                lines << QStringLiteral("<b>%1</b> %2").arg(displayName(m->severity), m->text.toHtmlEscaped());
            if (!lines.isEmpty()) {
                QToolTip::showText(help->globalPos(), lines.join(QStringLiteral("<br>")), viewport());
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void DiffView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Down: verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd); return;
    case Qt::Key_Up: verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub); return;
    case Qt::Key_PageDown: verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepAdd); return;
    case Qt::Key_PageUp: verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepSub); return;
    case Qt::Key_Home: verticalScrollBar()->setValue(0); return;
    case Qt::Key_End: verticalScrollBar()->setValue(verticalScrollBar()->maximum()); return;
    default: QAbstractScrollArea::keyPressEvent(event);
    }
}

void DiffView::revealLine(int newLine)
{
    const auto findRow = [&]() -> int {
        for (int i = 0; i < rowCount(); ++i) {
            const int line = m_mode == Mode::Unified ? m_unified[i].newLine : m_side[i].right.line;
            if (line == newLine)
                return i;
        }
        return -1;
    };
    int row = findRow();
    if (row < 0 && m_patch) {
        // The line is in a collapsed gap: open every gap (cheap; gaps are unchanged lines).
        expandAll();
        row = findRow();
    }
    if (row < 0)
        return;
    m_flashLine = newLine;
    verticalScrollBar()->setValue(std::max(0, row - visibleRowCount() / 3));
    viewport()->update();
    QTimer::singleShot(1500, this, [this, newLine] {
        if (m_flashLine == newLine) {
            m_flashLine = 0;
            viewport()->update();
        }
    });
}

} // namespace rb::ui
