#pragma once
// Writes a new repository commit by commit: for the built-in demo and for test fixtures.
// Each commit replaces the listed files (in the working tree and the index) and records
// them on the current branch; the working tree always matches the last commit.

#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>

#include <memory>

namespace rb::git {

class RepositoryWriter {
public:
    // Creates an empty non-bare repository at dir (which may exist but must be empty), with
    // `initialBranch` as its unborn HEAD.
    static Result<RepositoryWriter> init(const QString &dir, const QString &initialBranch = QStringLiteral("main"));

    RepositoryWriter(RepositoryWriter &&) noexcept;
    RepositoryWriter &operator=(RepositoryWriter &&) noexcept;
    ~RepositoryWriter();

    struct Author {
        QString name;
        QString email;
    };

    // Writes the files (relative path -> content; a null QByteArray deletes the file) and
    // commits them on the current branch. Returns the new commit's sha.
    Result<QString> commit(const QMap<QString, QByteArray> &files, const QString &message, const Author &author,
                           const QDateTime &when);

    // Creates `branch` at the current commit and makes it current; refused if it exists.
    Status switchToNewBranch(const QString &branch);

    QString workdir() const;

private:
    struct Impl;
    explicit RepositoryWriter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace rb::git
