#include "demo/demo_project.h"

#include "git/repository_writer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rb::demo {

namespace {
Result<QByteArray> resource(const QString &name)
{
    QFile f(QStringLiteral(":/demo/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return Error::of(QStringLiteral("demo resource %1 is missing from this build").arg(name));
    return f.readAll();
}

std::optional<double> number(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}
} // namespace

Result<DemoProject> createDemoProject(const QString &dir)
{
    auto manifestText = resource(QStringLiteral("manifest.json"));
    if (!manifestText)
        return manifestText.error();
    QJsonParseError parseError;
    const QJsonObject manifest = QJsonDocument::fromJson(*manifestText, &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return Error::of(QStringLiteral("demo manifest: %1").arg(parseError.errorString()));

    auto writer = git::RepositoryWriter::init(dir, manifest.value(QLatin1String("base")).toString());
    if (!writer)
        return writer.error();
    const QJsonObject authorJson = manifest.value(QLatin1String("author")).toObject();
    const git::RepositoryWriter::Author author{authorJson.value(QLatin1String("name")).toString(),
                                               authorJson.value(QLatin1String("email")).toString()};
    QString branch = manifest.value(QLatin1String("base")).toString();
    for (const QJsonValue &c : manifest.value(QLatin1String("commits")).toArray()) {
        const QJsonObject commit = c.toObject();
        const QString commitBranch = commit.value(QLatin1String("branch")).toString();
        if (commitBranch != branch) {
            if (const Status switched = writer->switchToNewBranch(commitBranch); !switched)
                return switched.error();
            branch = commitBranch;
        }
        QMap<QString, QByteArray> files;
        const QJsonObject fileMap = commit.value(QLatin1String("files")).toObject();
        for (auto it = fileMap.begin(); it != fileMap.end(); ++it) {
            auto content = resource(it.value().toString());
            if (!content)
                return content.error();
            files.insert(it.key(), *content);
        }
        const auto sha = writer->commit(files, commit.value(QLatin1String("message")).toString(), author,
                                        QDateTime::fromString(commit.value(QLatin1String("date")).toString(), Qt::ISODate));
        if (!sha)
            return sha.error();
    }

    DemoProject project;
    project.repositoryPath = writer->workdir();
    project.base = manifest.value(QLatin1String("base")).toString();
    project.head = manifest.value(QLatin1String("head")).toString();
    for (const QJsonValue &r : manifest.value(QLatin1String("reviews")).toArray()) {
        const QJsonObject review = r.toObject();
        auto text = resource(review.value(QLatin1String("file")).toString());
        if (!text)
            return text.error();
        DemoReview d;
        d.agentId = review.value(QLatin1String("id")).toString();
        d.agentName = review.value(QLatin1String("name")).toString();
        d.model = review.value(QLatin1String("model")).toString();
        d.text = QString::fromUtf8(*text);
        d.durationSeconds = number(review, "durationSeconds");
        if (const auto t = number(review, "inputTokens"))
            d.inputTokens = qint64(*t);
        if (const auto t = number(review, "outputTokens"))
            d.outputTokens = qint64(*t);
        d.costUsd = number(review, "costUsd");
        project.reviews << d;
    }
    return project;
}

} // namespace rb::demo
