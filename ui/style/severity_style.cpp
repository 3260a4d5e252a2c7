#include "style/severity_style.h"

#include <QGuiApplication>
#include <QPainter>

namespace rb::ui {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor severityColor(Severity s, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (s) {
    case Severity::Critical: return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0x1c, 0x28);
    case Severity::Important: return dark ? QColor(0xff, 0xb3, 0x47) : QColor(0xb5, 0x5d, 0x00);
    case Severity::Suggestion: return dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x1c, 0x5f, 0xb8);
    }
    return palette.color(QPalette::Text);
}

QString severityLetter(Severity s)
{
    switch (s) {
    case Severity::Critical: return QStringLiteral("C");
    case Severity::Important: return QStringLiteral("I");
    case Severity::Suggestion: return QStringLiteral("S");
    }
    return {};
}

QPixmap severityDot(Severity s, const QPalette &palette)
{
    // Drawn at the screen's scale so that it stays sharp on high-DPI screens.
    const qreal dpr = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
    QPixmap dot(QSize(12, 12) * dpr);
    dot.setDevicePixelRatio(dpr);
    dot.fill(Qt::transparent);
    QPainter p(&dot);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(severityColor(s, palette));
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return dot;
}

QColor agentColor(int agentIndex, const QPalette &palette)
{
    static const QColor light[] = {QColor(0x6f, 0x42, 0xc1), QColor(0x0f, 0x76, 0x6e), QColor(0x9a, 0x34, 0x12),
                                   QColor(0x1d, 0x4e, 0xd8), QColor(0x86, 0x19, 0x8f), QColor(0x3f, 0x62, 0x12)};
    static const QColor dark[] = {QColor(0xb3, 0x92, 0xf0), QColor(0x5e, 0xea, 0xd4), QColor(0xfd, 0xba, 0x74),
                                  QColor(0x93, 0xc5, 0xfd), QColor(0xf0, 0xab, 0xfc), QColor(0xbe, 0xf2, 0x64)};
    const int n = int(std::size(light));
    const int i = ((agentIndex % n) + n) % n;
    return isDark(palette) ? dark[i] : light[i];
}

QString triageLabel(TriageState s)
{
    switch (s) {
    case TriageState::Open: return QCoreApplication::translate("triage", "Open");
    case TriageState::Accepted: return QCoreApplication::translate("triage", "Accepted");
    case TriageState::Rejected: return QCoreApplication::translate("triage", "Rejected");
    case TriageState::FalsePositive: return QCoreApplication::translate("triage", "False positive");
    }
    return {};
}

QString fixLabel(FixState s)
{
    switch (s) {
    case FixState::NotApplied: return {};
    case FixState::Applied: return QCoreApplication::translate("fix", "Fix applied");
    case FixState::Failed: return QCoreApplication::translate("fix", "Fix failed");
    case FixState::Reverted: return QCoreApplication::translate("fix", "Fix reverted");
    }
    return {};
}

QColor addedColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x7e, 0xe7, 0x87) : QColor(0x1a, 0x7f, 0x37);
}

QColor removedColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0xa1, 0x98) : QColor(0xcf, 0x22, 0x2e);
}

QColor problemColor(const QPalette &palette)
{
    return severityColor(Severity::Critical, palette);
}

} // namespace rb::ui
