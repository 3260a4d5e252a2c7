#include "io/review_file.h"

#include "io/json_fields.h"
#include "io/review_json.h"

#include <QFile>
#include <QSaveFile>

#include <nlohmann/json.hpp>

namespace rb {

Result<Review> parseReviewFile(const QByteArray &text, const QString &fileName)
{
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text.constBegin(), text.constEnd());
    } catch (const nlohmann::json::parse_error &e) {
        // e.byte is one past the offending character.
        const auto [line, column] = jsonio::lineAndColumnAt(text, qsizetype(e.byte > 0 ? e.byte - 1 : 0));
        QString what = QString::fromStdString(e.what());
        const auto cut = what.indexOf(QLatin1String(": "), what.indexOf(QLatin1String("parse error")));
        if (cut >= 0)
            what = what.mid(cut + 2);
        return Error::of(QStringLiteral("%1:%2:%3: not valid JSON: %4").arg(fileName).arg(line).arg(column).arg(what));
    }
    auto review = reviewFromJson(doc);
    if (!review)
        return Error::of(QStringLiteral("%1: %2").arg(fileName, review.error().message));
    return review;
}

Result<Review> loadReviewFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::of(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    return parseReviewFile(file.readAll(), path);
}

QByteArray serializeReview(const Review &review)
{
    // The format key comes first, ahead of the alphabetical rest: the desktop's MIME
    // database recognises review files by it within the first bytes (packaging/desktop/).
    nlohmann::json doc = reviewToJson(review);
    const std::string format = doc.at(kReviewFormatKey).dump();
    doc.erase(kReviewFormatKey);
    const std::string rest = doc.dump(2); // "{\n  \"agents\": ...": never empty
    std::string text = "{\n  \"";
    text += kReviewFormatKey;
    text += "\": " + format + ",";
    text.append(rest, 1, std::string::npos);
    text.push_back('\n');
    return QByteArray::fromStdString(text);
}

Status saveReviewFile(const Review &review, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::of(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    const QByteArray text = serializeReview(review);
    if (file.write(text) != text.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return Error::of(QStringLiteral("%1: writing failed, the previous file is unchanged: %2").arg(path, why));
    }
    if (!file.commit())
        return Error::of(QStringLiteral("%1: saving failed, the previous file is unchanged: %2").arg(path, file.errorString()));
    return Ok{};
}

} // namespace rb
