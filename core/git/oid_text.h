#pragma once
// Conversions between libgit2 object ids and text. Internal to core/git.

#include <git2.h>

#include <QString>

namespace rb::git {

inline QString oidToString(const git_oid &oid)
{
    char buf[GIT_OID_MAX_HEXSIZE + 1] = {};
    git_oid_tostr(buf, sizeof buf, &oid);
    return QString::fromLatin1(buf);
}

inline bool oidFromString(git_oid *out, const QString &sha)
{
    return git_oid_fromstr(out, sha.toLatin1().constData()) == 0;
}

} // namespace rb::git
