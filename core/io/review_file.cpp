#include "io/review_file.h"

#include "io/atomic_file.h"
#include "io/json_fields.h"
#include "io/json_text.h"
#include "io/review_json.h"
#include "io/side_files.h"

#include <QFile>
#include <QSaveFile>

#include <nlohmann/json.hpp>

namespace rb {

Result<Review> parseReviewFile(const QByteArray &text, const QString &fileName)
{
    const jsonio::JsonParse doc = jsonio::parseJson(text);
    if (const auto &e = doc.error)
        return Error::of(QStringLiteral("%1:%2:%3: not valid JSON: %4").arg(fileName).arg(e->line).arg(e->column).arg(e->what()));
    auto review = reviewFromJson(doc.value);
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
    std::string text = reviewToJson(review).dump(2);
    text.push_back('\n');
    return QByteArray::fromStdString(text);
}

Status saveReviewFile(const Review &review, const QString &path)
{
    return replaceFileAtomically(path, serializeReview(review), backupPathFor(path));
}

} // namespace rb
