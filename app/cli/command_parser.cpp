#include "cli/command_parser.h"

#include "cli/cli.h"
#include "cli/help_text.h"

#include <QCommandLineParser>

namespace rb::cli {

QString OptionSpec::displayName() const
{
    const QString &first = names.first();
    return (first.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + first;
}

QString OptionSpec::longName() const
{
    for (const QString &n : names)
        if (n.size() > 1)
            return n;
    return names.first();
}

const OptionSpec *CommandSpec::option(const QString &optionName) const
{
    for (const OptionSpec &o : options)
        if (o.names.contains(optionName))
            return &o;
    return nullptr;
}

const OptionSpec &CommandArgs::declared(const QString &option) const
{
    const OptionSpec *o = m_spec->option(option);
    Q_ASSERT_X(o, "CommandArgs", qPrintable(QStringLiteral("option %1 is not declared by %2").arg(option, m_spec->name)));
    static const OptionSpec none{{QStringLiteral("-")}, {}, {}, {}, false, false};
    return o ? *o : none;
}

bool CommandArgs::isSet(const QString &option) const
{
    return m_values.contains(declared(option).longName());
}

QString CommandArgs::value(const QString &option) const
{
    const OptionSpec &o = declared(option);
    const QStringList given = m_values.value(o.longName());
    return given.isEmpty() ? o.defaultValue : given.last();
}

QStringList CommandArgs::values(const QString &option) const
{
    return m_values.value(declared(option).longName());
}

int CommandArgs::usageError(const QString &problem) const
{
    err() << commandPrefix(*m_spec) << ": " << problem << "\n" << usageLines(*m_spec) << helpHint(*m_spec);
    err().flush();
    return ExitUsage;
}

namespace {

Error usage(const QString &message)
{
    return Error::of(message, ExitUsage);
}

// The option name part of "--name=value" or "-name".
QString optionName(const QString &arg)
{
    QString name = arg.mid(arg.startsWith(QLatin1String("--")) ? 2 : 1);
    const qsizetype eq = name.indexOf(QLatin1Char('='));
    return eq < 0 ? name : name.left(eq);
}

bool isOptionWord(const QString &arg)
{
    return arg.size() > 1 && arg.startsWith(QLatin1Char('-')) && arg != QLatin1String("--");
}

// Why QCommandLineParser refused args, in our words (its own texts are for translators).
Error parseFailure(const CommandSpec &spec, const QCommandLineParser &parser, const QStringList &args)
{
    const QStringList unknown = parser.unknownOptionNames();
    qsizetype end = args.indexOf(QStringLiteral("--"));
    if (end < 0)
        end = args.size();
    if (!unknown.isEmpty()) {
        for (qsizetype i = 0; i < end; ++i)
            if (isOptionWord(args[i]) && optionName(args[i]) == unknown.first())
                return usage(QStringLiteral("unknown option %1").arg(args[i].section(QLatin1Char('='), 0, 0)));
        return usage(QStringLiteral("unknown option %1").arg(unknown.first()));
    }
    if (end > 0 && isOptionWord(args[end - 1]) && !args[end - 1].contains(QLatin1Char('='))) {
        const OptionSpec *o = spec.option(optionName(args[end - 1]));
        if (o && o->takesValue())
            return usage(QStringLiteral("%1 needs a value").arg(args[end - 1]));
    }
    for (qsizetype i = 0; i < end; ++i) {
        if (!isOptionWord(args[i]) || !args[i].contains(QLatin1Char('=')))
            continue;
        const OptionSpec *o = spec.option(optionName(args[i]));
        if (o && !o->takesValue())
            return usage(QStringLiteral("%1 takes no value").arg(args[i].section(QLatin1Char('='), 0, 0)));
    }
    return usage(parser.errorText());
}

QString missingArguments(const CommandSpec &spec)
{
    QStringList required;
    for (const ArgumentSpec &a : spec.arguments)
        if (!a.optional)
            required << a.name;
    return QStringLiteral("expected %1").arg(required.join(QStringLiteral(" and ")));
}

} // namespace

Result<CommandArgs> parseCommandLine(const CommandSpec &spec, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("show this help"));
    parser.addOption(help);
    for (const OptionSpec &o : spec.options) {
        QCommandLineOption option(o.names, o.description, o.valueName);
        parser.addOption(option);
    }
    if (!parser.parse(QStringList{QStringLiteral("reviewbench")} + args))
        return parseFailure(spec, parser, args);

    CommandArgs parsed(spec);
    parsed.m_help = parser.isSet(help);
    for (const OptionSpec &o : spec.options) {
        if (!parser.isSet(o.names.first()))
            continue;
        parsed.m_values.insert(o.longName(), o.takesValue() ? parser.values(o.names.first()) : QStringList());
    }
    parsed.m_arguments = parser.positionalArguments();
    if (parsed.m_help)
        return parsed;

    qsizetype required = 0;
    bool open = false;
    for (const ArgumentSpec &a : spec.arguments) {
        required += a.optional ? 0 : 1;
        open = open || a.repeatable;
    }
    if (!open && parsed.m_arguments.size() > spec.arguments.size())
        return usage(QStringLiteral("unexpected argument \"%1\"").arg(parsed.m_arguments.at(spec.arguments.size())));
    if (parsed.m_arguments.size() < required) {
        const ArgumentSpec &missing = spec.arguments.at(parsed.m_arguments.size());
        return usage(missing.missingMessage.isEmpty() ? missingArguments(spec) : missing.missingMessage);
    }
    for (const OptionSpec &o : spec.options)
        if (o.required && !parsed.isSet(o.longName()))
            return usage(QStringLiteral("%1 %2 is required").arg(o.displayName(), o.valueName).trimmed());
    return parsed;
}

} // namespace rb::cli
