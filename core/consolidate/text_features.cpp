#include "consolidate/text_features.h"

#include <QSet>

namespace rb::consolidate {
namespace {

const QSet<QString> &stopWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char *w : {"a", "an", "the", "and", "or", "but", "if", "then", "else", "of", "to", "in", "on", "at",
                              "by", "for", "with", "from", "into", "onto", "as", "is", "are", "was", "were", "be", "been",
                              "being", "it", "its", "this", "that", "these", "those", "there", "here", "which", "who",
                              "what", "when", "where", "why", "how", "not", "no", "can", "could", "would", "should",
                              "will", "shall", "may", "might", "must", "do", "does", "did", "done", "has", "have", "had",
                              "so", "than", "too", "very", "also", "only", "just", "all", "any", "each", "every", "some",
                              "such", "more", "most", "other", "same", "both", "one", "two", "we", "you", "they", "he",
                              "she", "them", "their", "our", "your", "i", "me", "my", "us", "because", "since", "while",
                              "after", "before", "about", "over", "under", "again", "once", "still", "yet", "via", "per",
                              "without", "within", "between", "through", "during", "up", "down", "out", "off", "now",
                              "line", "lines", "file", "files", "code", "fix", "issue", "change", "changes", "pr",
                              "function", "method", "call", "calls", "called", "use", "uses", "used", "using", "new",
                              "e.g", "eg", "ie", "etc", "see", "make", "makes", "instead", "add", "adds", "added"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words;
}

const QSet<QString> &keywords()
{
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char *w : {"if", "for", "while", "return", "func", "function", "def", "class", "struct", "const",
                              "let", "var", "nil", "null", "None", "true", "false", "True", "False", "err", "error",
                              "else", "switch", "case", "break", "continue", "new", "delete", "this", "self", "auto",
                              "int", "void", "string", "bool", "char", "import", "from", "package", "defer", "go",
                              "range", "make", "len", "fmt", "static", "public", "private", "async", "await", "try",
                              "catch", "throw", "println", "printf", "sizeof", "catch", "elif", "lambda", "yield",
                              "not", "and", "the", "with"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words;
}

bool isIdentStart(QChar c) { return c.isLetter() || c == QLatin1Char('_'); }
bool isIdentChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); }

QString foldEnding(QString w)
{
    if (w.size() > 5 && w.endsWith(QLatin1String("ing")))
        w.chop(3);
    else if (w.size() > 4 && w.endsWith(QLatin1String("ed")))
        w.chop(2);
    else if (w.size() > 4 && w.endsWith(QLatin1String("ies")))
        w = w.left(w.size() - 3) + QLatin1Char('y');
    else if (w.size() > 3 && w.endsWith(QLatin1Char('s')) && !w.endsWith(QLatin1String("ss")))
        w.chop(1);
    return w;
}

void addIdentifiers(const QString &code, qsizetype from, qsizetype to, bool requireCall, QStringList &outList)
{
    qsizetype i = from;
    while (i < to) {
        if (!isIdentStart(code[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < to && isIdentChar(code[i]))
            ++i;
        const QString name = code.mid(start, i - start);
        if (name.size() < 3 || keywords().contains(name))
            continue;
        if (requireCall) {
            qsizetype j = i;
            while (j < to && code[j] == QLatin1Char(' '))
                ++j;
            if (j >= to || code[j] != QLatin1Char('('))
                continue;
        }
        outList << name;
    }
}

} // namespace

QStringList proseTerms(const QString &text)
{
    QStringList terms;
    QString word;
    auto flush = [&] {
        if (word.size() >= 2) {
            const QString lower = word.toLower();
            if (!stopWords().contains(lower))
                terms << foldEnding(lower);
        }
        word.clear();
    };
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            word += c;
        else
            flush();
    }
    flush();
    return terms;
}

QStringList backtickedIdentifiers(const QString &markdown)
{
    QStringList names;
    qsizetype i = 0;
    const qsizetype n = markdown.size();
    while (i < n) {
        if (markdown[i] != QLatin1Char('`')) {
            ++i;
            continue;
        }
        qsizetype ticks = 0;
        while (i < n && markdown[i] == QLatin1Char('`')) {
            ++ticks;
            ++i;
        }
        // Find the closing run of the same length; an unclosed run is literal text.
        const QString fence(ticks, QLatin1Char('`'));
        const qsizetype close = markdown.indexOf(fence, i);
        if (close < 0)
            break;
        addIdentifiers(markdown, i, close, false, names);
        i = close + ticks;
    }
    return names;
}

QStringList calledNames(const QString &code)
{
    QStringList names;
    addIdentifiers(code, 0, code.size(), true, names);
    return names;
}

QStringList codeIdentifiers(const QString &code)
{
    QStringList names;
    addIdentifiers(code, 0, code.size(), false, names);
    return names;
}

QString normalizedPath(const QString &path)
{
    QString p = path.trimmed();
    p.replace(QLatin1Char('\\'), QLatin1Char('/'));
    while (p.startsWith(QLatin1String("./")))
        p.remove(0, 2);
    if (p.startsWith(QLatin1String("a/")) || p.startsWith(QLatin1String("b/")))
        p.remove(0, 2);
    return p;
}

bool samePath(const QString &a, const QString &b)
{
    if (a == b)
        return true;
    if (a.isEmpty() || b.isEmpty())
        return false;
    const QString &longer = a.size() > b.size() ? a : b;
    const QString &shorter = a.size() > b.size() ? b : a;
    return longer.endsWith(shorter) && longer[longer.size() - shorter.size() - 1] == QLatin1Char('/');
}

} // namespace rb::consolidate
