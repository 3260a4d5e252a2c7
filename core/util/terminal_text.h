#pragma once
// Text from outside (an agent's standard error, a name taken from a review) made safe to
// print on a terminal: escape sequences removed, other control characters shown as \xHH.

#include <QByteArray>
#include <QString>

namespace rb {

// Removes ANSI escape sequences (CSI "ESC [ ... final", OSC "ESC ] ... BEL|ESC \", and
// two-byte "ESC x"), then writes every remaining control character but newline and tab
// (C0, DEL, C1) as \xHH. Printable text, newlines and tabs are unchanged.
QString withoutTerminalControls(const QString &text);

// The same for bytes about to be written to a terminal: control bytes but newline and tab,
// and UTF-8 encoded C1 controls, as \xHH (\xc2\x9b for U+009B). `pending` carries a lead
// byte split from its continuation across two writes.
QByteArray escapeControlBytes(const QByteArray &bytes, QByteArray &pending);

} // namespace rb
