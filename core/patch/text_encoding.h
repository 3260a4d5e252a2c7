#pragma once
// The patch engine never guesses an encoding: files and patches are bytes. Two cases need
// care. A line that is not UTF-8 is shown Latin-1-decoded in messages (so that every byte
// shows as something). And a fix written as Unicode text (from a review file, which is
// JSON and so UTF-8) for a file that is not UTF-8 has its lines converted to Latin-1, the
// one 8-bit encoding every byte of which is a character, when every character fits: then
// "café" in the fix matches and is written as the file's "caf\xE9".

#include "patch/patch_model.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace rb::patch {

bool isValidUtf8(QByteArrayView bytes);

// For messages: the line as UTF-8 when it is, else byte by byte as Latin-1.
QString displayText(const QByteArray &line);

// `patch` with every line (context, removed, added, replacement) converted from UTF-8 to
// Latin-1, when `file` is not UTF-8 and the patch is, has some non-ASCII character, and
// every character is in Latin-1. Otherwise nothing: the lines are used byte for byte.
std::optional<FilePatch> asLatin1For(const QByteArray &file, const FilePatch &patch);

} // namespace rb::patch
