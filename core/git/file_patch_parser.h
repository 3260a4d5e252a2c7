#pragma once
// The hunk and line structure over the unified diff text of one file, as git writes it
// (header lines, then "@@ -a,b +c,d @@" hunks of ' ', '-', '+' lines and "\ No newline at
// end of file" markers). A pure function; the text is shared, not copied.

#include "git/file_diff.h"

namespace rb::git {

FilePatch parseFilePatch(const QByteArray &text);

} // namespace rb::git
