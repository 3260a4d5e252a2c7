#include "agents/review_prompt.h"

#include "agents/prompt_template.h"

#include <QFile>
#include <QStringList>

namespace rb::agents {

namespace {
QString resourceText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("Resource %s is missing from the binary", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

QString orUnknown(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("(unknown)") : s;
}

// A fence longer than any backtick run in text, so the diff cannot close it early.
QString fenceFor(const QString &text)
{
    qsizetype longest = 0, run = 0;
    for (const QChar c : text) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return QString(std::max<qsizetype>(3, longest + 1), QLatin1Char('`'));
}

QString commitList(const ReviewMetadata &m)
{
    if (m.commits.isEmpty())
        return QStringLiteral("(no commits listed)");
    QStringList lines;
    for (const CommitInfo &c : m.commits)
        lines << QStringLiteral("- %1 %2").arg(c.sha.left(12), c.subject);
    return lines.join(QLatin1Char('\n'));
}

QString diffSection(const ReviewInput &input, const PromptOptions &options)
{
    const ReviewMetadata &m = input.metadata;
    const QString from = m.mergeBase.isEmpty() ? m.base : m.mergeBase;
    const QString to = m.headSha.isEmpty() ? m.head : m.headSha;
    const QString command = QStringLiteral("`git diff %1 %2`").arg(from, to);
    if (input.diff.isEmpty())
        return QStringLiteral("Read the diff with %1 in the working directory.").arg(command);
    const qsizetype bytes = input.diff.toUtf8().size();
    if (bytes > options.maxInlineDiffBytes)
        return QStringLiteral("The diff is %1 bytes, too large to include here. Read it with %2 in the working "
                              "directory, file by file if needed (`git diff --stat %3 %4` lists the files).")
            .arg(bytes)
            .arg(command, from, to);
    const QString fence = fenceFor(input.diff);
    QString diff = input.diff;
    if (!diff.endsWith(QLatin1Char('\n')))
        diff += QLatin1Char('\n');
    return QStringLiteral("The complete diff (also available as %1):\n\n%2diff\n%3%2")
        .arg(command, fence, diff);
}
} // namespace

QString defaultPromptTemplate()
{
    return resourceText(QStringLiteral(":/reviewbench/agents/review-prompt.md"));
}

QHash<QString, QString> reviewPromptValues(const ReviewInput &input, ReviewFormat format, const PromptOptions &options)
{
    const ReviewMetadata &m = input.metadata;
    QHash<QString, QString> values;
    values.insert(QStringLiteral("repository"), orUnknown(m.repository.isEmpty() ? input.repositoryPath : m.repository));
    values.insert(QStringLiteral("base"), orUnknown(m.base));
    values.insert(QStringLiteral("head"), orUnknown(m.head));
    values.insert(QStringLiteral("head_sha"), orUnknown(m.headSha));
    values.insert(QStringLiteral("merge_base"), orUnknown(m.mergeBase));
    values.insert(QStringLiteral("commits"), commitList(m));
    values.insert(QStringLiteral("diff"), diffSection(input, options));
    values.insert(QStringLiteral("output_format"),
                  resourceText(format == ReviewFormat::Markdown ? QStringLiteral(":/reviewbench/agents/review-outline.md")
                                                                : QStringLiteral(":/reviewbench/agents/review-json-format.md"))
                      .trimmed());
    return values;
}

Result<QString> renderReviewPrompt(const QString &templateText, const ReviewInput &input, ReviewFormat format,
                                   const PromptOptions &options)
{
    return renderTemplate(templateText, reviewPromptValues(input, format, options));
}

} // namespace rb::agents
