#include "cli/help_text.h"

#include "cli/command_table.h"

#include <algorithm>

namespace rb::cli {

namespace {

constexpr qsizetype kWidth = 88;       // help text lines are wrapped to this
constexpr qsizetype kOptionColumn = 26; // where option descriptions start
constexpr qsizetype kSummaryIndent = 19;

// Words joined into lines no longer than kWidth (a longer word gets a line alone); every
// line after the first starts with `indent` spaces, the first with `firstIndent`.
QString wrap(const QStringList &words, qsizetype firstIndent, qsizetype indent)
{
    QString text(firstIndent, QLatin1Char(' '));
    qsizetype lineStart = 0;
    bool lineEmpty = true;
    for (const QString &w : words) {
        if (!lineEmpty && text.size() - lineStart + 1 + w.size() > kWidth) {
            text += QLatin1Char('\n');
            lineStart = text.size();
            text += QString(indent, QLatin1Char(' '));
            lineEmpty = true;
        }
        if (!lineEmpty)
            text += QLatin1Char(' ');
        text += w;
        lineEmpty = false;
    }
    return text + QLatin1Char('\n');
}

QString wrapText(const QString &text, qsizetype firstIndent, qsizetype indent)
{
    return wrap(text.split(QLatin1Char(' '), Qt::SkipEmptyParts), firstIndent, indent);
}

// Paragraphs (separated by blank lines) wrapped, not indented.
QString wrapParagraphs(const QString &text)
{
    QStringList paragraphs;
    for (const QString &p : text.trimmed().split(QStringLiteral("\n\n")))
        paragraphs << wrap(p.simplified().split(QLatin1Char(' ')), 0, 0);
    return paragraphs.join(QLatin1Char('\n'));
}

// A synopsis split into words, keeping "[...]" and "(...)" groups in one piece so that
// "[-o FILE]" never breaks across lines.
QStringList synopsisWords(const QString &line)
{
    QStringList words;
    QString word;
    int depth = 0;
    for (const QChar c : line) {
        if (c == QLatin1Char('[') || c == QLatin1Char('('))
            ++depth;
        else if ((c == QLatin1Char(']') || c == QLatin1Char(')')) && depth > 0)
            --depth;
        if (c == QLatin1Char(' ') && depth == 0) {
            if (!word.isEmpty())
                words << word;
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.isEmpty())
        words << word;
    return words;
}

QString optionUsage(const OptionSpec &o)
{
    QString s = o.displayName();
    if (o.takesValue())
        s += QLatin1Char(' ') + o.valueName;
    if (!o.required)
        s = QLatin1Char('[') + s + QLatin1Char(']');
    return o.repeatable ? s + QStringLiteral("...") : s;
}

QString argumentUsage(const ArgumentSpec &a)
{
    QString s = a.repeatable ? a.name + QStringLiteral("...") : a.name;
    return a.optional ? QLatin1Char('[') + s + QLatin1Char(']') : s;
}

// The synopsis words after "reviewbench NAME", one entry per usage line.
QStringList synopses(const CommandSpec &spec)
{
    if (!spec.synopsis.isEmpty())
        return spec.synopsis;
    QStringList words;
    for (const OptionSpec &o : spec.options)
        words << optionUsage(o);
    for (const ArgumentSpec &a : spec.arguments)
        words << argumentUsage(a);
    return {words.join(QLatin1Char(' '))};
}

QString optionNames(const OptionSpec &o)
{
    QStringList names;
    for (const QString &n : o.names) // "-o, --output": one-letter names first
        if (n.size() == 1)
            names << QStringLiteral("-") + n;
    for (const QString &n : o.names)
        if (n.size() > 1)
            names << QStringLiteral("--") + n;
    QString s = names.join(QStringLiteral(", "));
    if (std::none_of(o.names.begin(), o.names.end(), [](const QString &n) { return n.size() == 1; }))
        s = QStringLiteral("    ") + s; // long-only options line up with "-o, --output"
    return o.takesValue() ? s + QLatin1Char(' ') + o.valueName : s;
}

// "  NAME    description" with the description wrapped in its column.
QString entry(const QString &name, QString description)
{
    QString text = QStringLiteral("  ") + name;
    if (text.size() + 2 > kOptionColumn) {
        text += QLatin1Char('\n');
        return text + wrapText(description, kOptionColumn, kOptionColumn);
    }
    return text + wrapText(description, kOptionColumn, kOptionColumn).mid(text.size());
}

QString optionDescription(const OptionSpec &o)
{
    QString d = o.description;
    if (o.repeatable)
        d += QStringLiteral(" (repeatable)");
    if (o.required)
        d += QStringLiteral(" (required)");
    if (!o.defaultValue.isEmpty())
        d += QStringLiteral(" (default: %1)").arg(o.defaultValue);
    return d;
}

QString optionsSection(const CommandSpec &spec)
{
    QString text = QStringLiteral("Options:\n");
    for (const OptionSpec &o : spec.options)
        text += entry(optionNames(o), optionDescription(o));
    text += entry(QStringLiteral("-h, --help"), QStringLiteral("show this help and exit"));
    return text;
}

const char *const kExitStatus = "Exit status: 0 success, 1 failed or refused, 2 wrong arguments,\n"
                                "3 already applied (patch), 4 an input file is unreadable or invalid.\n"
                                "See docs/cli.md for details.\n";

} // namespace

QString commandPrefix(const CommandSpec &spec)
{
    return spec.name.isEmpty() ? QStringLiteral("reviewbench") : QStringLiteral("reviewbench ") + spec.name;
}

namespace {
// The synopsis lines, each indented by `lead` columns, wrapped under the command's arguments.
QString synopsisText(const CommandSpec &spec, qsizetype lead)
{
    const QString prefix = commandPrefix(spec);
    QString text;
    for (const QString &line : synopses(spec)) {
        QStringList words{prefix};
        words << synopsisWords(line);
        text += wrap(words, lead, lead + prefix.size() + 1);
    }
    return text;
}
} // namespace

QString synopsisLines(const CommandSpec &spec)
{
    return synopsisText(spec, 0);
}

QString usageLines(const CommandSpec &spec)
{
    const QString usage = QStringLiteral("usage: ");
    return usage + synopsisText(spec, usage.size()).mid(usage.size());
}

QString helpHint(const CommandSpec &spec)
{
    return QStringLiteral("Run `%1 --help` for the options.\n").arg(commandPrefix(spec));
}

QString commandHelp(const CommandSpec &spec)
{
    QString text = usageLines(spec);
    text[0] = QLatin1Char('U');
    text += QLatin1Char('\n') + wrapParagraphs(spec.description) + QLatin1Char('\n');
    if (!spec.arguments.isEmpty()) {
        text += QStringLiteral("Arguments:\n");
        for (const ArgumentSpec &a : spec.arguments)
            text += entry(a.name, a.description);
        text += QLatin1Char('\n');
    }
    return text + optionsSection(spec) + QLatin1Char('\n') + QLatin1String(kExitStatus);
}

QString usageText()
{
    const CommandSpec &window = windowCommand();
    QString text = usageLines(window);
    text[0] = QLatin1Char('U');
    text += QStringLiteral("       reviewbench COMMAND [ARGS...]\n\n");
    text += wrapParagraphs(window.description) + QLatin1Char('\n');
    text += optionsSection(window);
    text += QStringLiteral("\nCommands (no display needed; `reviewbench COMMAND --help` shows each one's options):\n");
    for (const CommandSpec &c : subcommands()) {
        QString lines;
        for (const QString &line : synopsisLines(c).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            lines += QStringLiteral("  ") + line.mid(QStringLiteral("reviewbench ").size()) + QLatin1Char('\n');
        const qsizetype lastLine = lines.lastIndexOf(QLatin1Char('\n'), -2) + 1;
        if (lastLine == 0 && lines.size() - 1 + 2 <= kSummaryIndent) { // the summary fits after a short synopsis
            lines.chop(1);
            lines += QString(kSummaryIndent - (lines.size() - lastLine), QLatin1Char(' '));
            text += lines + wrapText(c.summary, 0, kSummaryIndent);
        } else {
            text += lines + wrapText(c.summary, kSummaryIndent, kSummaryIndent);
        }
    }
    return text + QLatin1Char('\n') + QLatin1String(kExitStatus);
}

} // namespace rb::cli
