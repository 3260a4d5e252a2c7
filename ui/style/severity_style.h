#pragma once
// Colours and short labels for severities, agents and states, shared by every view.

#include "model/issue.h"
#include "model/severity.h"

#include <QColor>
#include <QPalette>
#include <QPixmap>
#include <QString>

namespace rb::ui {

QColor severityColor(Severity s, const QPalette &palette);
QString severityLetter(Severity s); // "C", "I", "S"
QPixmap severityDot(Severity s, const QPalette &palette); // a small filled circle
QColor agentColor(int agentIndex, const QPalette &palette);
QString triageLabel(TriageState s);
QString fixLabel(FixState s);
bool isDark(const QPalette &palette);
// Added and removed lines (diff counts, fix previews) and problem text (errors, warnings),
// each readable on the palette's base and window colours, light or dark.
QColor addedColor(const QPalette &palette);
QColor removedColor(const QPalette &palette);
QColor problemColor(const QPalette &palette);

} // namespace rb::ui
