#include "report/code_highlight.h"

#include "report/html_text.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace rb::report {
namespace {

enum class Family { CLike, Go, Python, Shell, Plain };

Family familyOf(const QString &language)
{
    const QString l = language.toLower();
    if (l == QLatin1String("go") || l == QLatin1String("golang"))
        return Family::Go;
    if (l == QLatin1String("python") || l == QLatin1String("py") || l == QLatin1String("ruby") || l == QLatin1String("rb"))
        return Family::Python;
    if (l == QLatin1String("bash") || l == QLatin1String("sh") || l == QLatin1String("shell") || l == QLatin1String("console")
        || l == QLatin1String("yaml") || l == QLatin1String("yml") || l == QLatin1String("cmake") || l == QLatin1String("toml"))
        return Family::Shell;
    if (l == QLatin1String("text") || l == QLatin1String("txt") || l == QLatin1String("markdown") || l == QLatin1String("md")
        || l == QLatin1String("output"))
        return Family::Plain;
    return Family::CLike;
}

QSet<QString> words(std::initializer_list<const char *> list)
{
    QSet<QString> s;
    for (const char *w : list)
        s.insert(QString::fromLatin1(w));
    return s;
}

const QSet<QString> &keywords(Family f)
{
    static const QSet<QString> go = words({"break", "case", "chan", "const", "continue", "default", "defer", "else",
                                           "fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
                                           "map", "package", "range", "return", "select", "struct", "switch", "type",
                                           "var", "nil", "true", "false"});
    static const QSet<QString> clike = words({"if", "else", "for", "while", "do", "switch", "case", "default", "break",
                                              "continue", "return", "class", "struct", "enum", "namespace", "template",
                                              "typename", "const", "constexpr", "static", "void", "int", "char", "bool",
                                              "auto", "new", "delete", "public", "private", "protected", "virtual",
                                              "override", "true", "false", "nullptr", "null", "this", "function", "var",
                                              "let", "import", "export", "from", "async", "await", "try", "catch",
                                              "throw", "fn", "mut", "impl", "pub", "use", "match", "using", "include",
                                              "define", "undefined", "typeof", "instanceof", "interface", "extends"});
    static const QSet<QString> python = words({"def", "class", "if", "elif", "else", "for", "while", "return", "import",
                                               "from", "as", "with", "try", "except", "finally", "raise", "None", "True",
                                               "False", "and", "or", "not", "in", "is", "lambda", "yield", "pass", "end",
                                               "do", "begin", "rescue", "ensure", "module", "nil"});
    static const QSet<QString> shell = words({"if", "then", "else", "elif", "fi", "for", "do", "done", "while", "case",
                                              "esac", "function", "return", "local", "export", "in", "true", "false"});
    static const QSet<QString> none;
    switch (f) {
    case Family::Go: return go;
    case Family::CLike: return clike;
    case Family::Python: return python;
    case Family::Shell: return shell;
    case Family::Plain: break;
    }
    return none;
}

QString span(const char *cls, const QString &text)
{
    return QStringLiteral("<span class=\"%1\">%2</span>").arg(QString::fromLatin1(cls), htmlEscape(text));
}

// Highlights one line; inBlockComment carries a C-style /* */ comment across lines.
QString highlightLine(const QString &line, Family family, bool &inBlockComment)
{
    if (family == Family::Plain)
        return htmlEscape(line);
    const bool hashComments = family == Family::Python || family == Family::Shell;
    const bool slashComments = family == Family::CLike || family == Family::Go;
    const QSet<QString> &kw = keywords(family);
    QString out;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n) {
        if (inBlockComment) {
            const qsizetype end = line.indexOf(QLatin1String("*/"), i);
            const qsizetype stop = end < 0 ? n : end + 2;
            out += span("t-com", line.mid(i, stop - i));
            inBlockComment = end < 0;
            i = stop;
            continue;
        }
        const QChar c = line[i];
        if (slashComments && c == QLatin1Char('/') && i + 1 < n && line[i + 1] == QLatin1Char('/')) {
            out += span("t-com", line.mid(i));
            break;
        }
        if (slashComments && c == QLatin1Char('/') && i + 1 < n && line[i + 1] == QLatin1Char('*')) {
            inBlockComment = true;
            out += span("t-com", line.mid(i, 2));
            i += 2;
            continue;
        }
        if (hashComments && c == QLatin1Char('#')) {
            out += span("t-com", line.mid(i));
            break;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('`')) {
            qsizetype j = i + 1;
            while (j < n && line[j] != c) {
                if (line[j] == QLatin1Char('\\') && c != QLatin1Char('`'))
                    ++j;
                ++j;
            }
            const qsizetype stop = std::min(n, j + 1);
            out += span("t-str", line.mid(i, stop - i));
            i = stop;
            continue;
        }
        if (c.isDigit()) {
            qsizetype j = i;
            while (j < n && (line[j].isLetterOrNumber() || line[j] == QLatin1Char('.') || line[j] == QLatin1Char('_')))
                ++j;
            out += span("t-num", line.mid(i, j - i));
            i = j;
            continue;
        }
        if (c.isLetter() || c == QLatin1Char('_')) {
            qsizetype j = i;
            while (j < n && (line[j].isLetterOrNumber() || line[j] == QLatin1Char('_')))
                ++j;
            const QString word = line.mid(i, j - i);
            if (kw.contains(word))
                out += span("t-kw", word);
            else if (j < n && line[j] == QLatin1Char('('))
                out += span("t-fn", word);
            else
                out += htmlEscape(word);
            i = j;
            continue;
        }
        out += htmlEscape(QString(c));
        ++i;
    }
    return out;
}

} // namespace

QString highlightCode(const QString &code, const QString &language, const QString &codeLanguage)
{
    const QString lang = language.toLower();
    const bool diff = lang == QLatin1String("diff") || lang == QLatin1String("patch");
    const Family family = familyOf(diff ? codeLanguage : language);
    QStringList lines = code.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    QString out;
    bool inBlockComment = false;
    for (const QString &line : std::as_const(lines)) {
        if (!diff) {
            out += highlightLine(line, family, inBlockComment) + QLatin1Char('\n');
            continue;
        }
        const char *cls = "d-ctx";
        if (line.startsWith(QLatin1String("@@")))
            cls = "d-hunk";
        else if (line.startsWith(QLatin1String("+++")) || line.startsWith(QLatin1String("---"))
                 || line.startsWith(QLatin1String("diff ")) || line.startsWith(QLatin1String("index ")))
            cls = "d-file";
        else if (line.startsWith(QLatin1Char('+')))
            cls = "d-add";
        else if (line.startsWith(QLatin1Char('-')))
            cls = "d-del";
        const bool isCode = qstrcmp(cls, "d-add") == 0 || qstrcmp(cls, "d-del") == 0 || qstrcmp(cls, "d-ctx") == 0;
        QString inner;
        if (isCode && !line.isEmpty())
            inner = htmlEscape(line.left(1)) + highlightLine(line.mid(1), family, inBlockComment);
        else
            inner = htmlEscape(line);
        out += QStringLiteral("<span class=\"%1\">%2</span>\n").arg(QString::fromLatin1(cls), inner);
    }
    return out;
}

} // namespace rb::report
