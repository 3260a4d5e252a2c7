#include "io/review_file.h"

#include "anchor/fingerprint.h"
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
    // Every finding and issue is written with a fingerprint; those without one get it from
    // the review alone (their quoted code; no file text, so no context).
    Review withIds = review;
    anchor::fingerprintReview(withIds, {});
    // The format key comes first, ahead of the alphabetical rest: the desktop's MIME
    // database recognises review files by it within the first bytes (packaging/desktop/).
    nlohmann::json doc = reviewToJson(withIds);
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
    return replaceFileAtomically(path, serializeReview(review), backupPathFor(path));
}

} // namespace rb
