#pragma once
// The inline stylesheet of HTML reports.

#include <QString>

namespace rb::report {
QString reportStyleSheet();
}
