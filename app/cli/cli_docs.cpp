#include "cli/cli_docs.h"

#include "agents/agent_config.h"
#include "cli/cli.h"
#include "cli/command_table.h"
#include "version.h"

#include <QRegularExpression>

namespace rb::cli {

namespace {

// What an option's value completes to, decided from its declaration.
enum class ValueKind { None, Refs, Directories, Files, Agents, Choices };

ValueKind valueKind(const OptionSpec &o)
{
    const QString v = o.valueName;
    if (v.contains(QLatin1Char('|')))
        return ValueKind::Choices;
    if (v == QLatin1String("REV"))
        return ValueKind::Refs;
    if (v == QLatin1String("DIR"))
        return ValueKind::Directories;
    if (v == QLatin1String("FILE") || v.endsWith(QLatin1String(".json")))
        return ValueKind::Files;
    if (v == QLatin1String("NAME") && o.longName() == QLatin1String("agent"))
        return ValueKind::Agents;
    return ValueKind::None;
}

QStringList choices(const OptionSpec &o) { return o.valueName.split(QLatin1Char('|')); }

QStringList dashedNames(const OptionSpec &o)
{
    QStringList names;
    for (const QString &n : o.names)
        names << (n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n;
    return names;
}

// Every command line: the window's first (name empty), then the subcommands.
QList<const CommandSpec *> allCommands()
{
    QList<const CommandSpec *> list{&windowCommand()};
    for (const CommandSpec &c : subcommands())
        list << &c;
    return list;
}

QStringList subcommandNames()
{
    QStringList names;
    for (const CommandSpec &c : subcommands())
        names << c.name;
    return names;
}

// ---- man page -----------------------------------------------------------------------------
QString roff(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    text.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    text.replace(QLatin1Char('`'), QString());
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &l : lines)
        if (l.startsWith(QLatin1Char('.')) || l.startsWith(QLatin1Char('\'')))
            l.prepend(QStringLiteral("\\&"));
    return lines.join(QLatin1Char('\n'));
}

QString roffParagraphs(const QString &text)
{
    QStringList out;
    for (const QString &p : text.trimmed().split(QStringLiteral("\n\n")))
        out << roff(p.simplified());
    return out.join(QStringLiteral("\n.PP\n")) + QLatin1Char('\n');
}

QString manSynopsis(const CommandSpec &c)
{
    QStringList lines = c.synopsis;
    if (lines.isEmpty()) {
        QStringList words;
        for (const OptionSpec &o : c.options) {
            QString w = dashedNames(o).first() + (o.takesValue() ? QLatin1Char(' ') + o.valueName : QString());
            words << (o.required ? w : QLatin1Char('[') + w + QLatin1Char(']')) + (o.repeatable ? QStringLiteral("...") : QString());
        }
        for (const ArgumentSpec &a : c.arguments)
            words << (a.optional ? QLatin1Char('[') + a.name + QLatin1Char(']') : a.name) + (a.repeatable ? QStringLiteral("...") : QString());
        lines << words.join(QLatin1Char(' '));
    }
    QString text;
    for (const QString &l : lines)
        text += QStringLiteral(".B %1\n%2\n.br\n").arg(c.name.isEmpty() ? QStringLiteral("reviewbench") : QStringLiteral("reviewbench ") + c.name, roff(l));
    return text;
}

QString manOptions(const CommandSpec &c)
{
    QString text;
    for (const OptionSpec &o : c.options) {
        QStringList names;
        for (const QString &n : dashedNames(o))
            names << QStringLiteral("\\fB%1\\fR").arg(roff(n)) + (o.takesValue() ? QStringLiteral(" \\fI%1\\fR").arg(roff(o.valueName)) : QString());
        QString desc = o.description;
        if (!o.defaultValue.isEmpty())
            desc += QStringLiteral(" (default: %1)").arg(o.defaultValue);
        if (o.repeatable)
            desc += QStringLiteral("; may be repeated");
        if (o.required)
            desc += QStringLiteral("; required");
        text += QStringLiteral(".TP\n%1\n%2.\n").arg(names.join(QStringLiteral(", ")), roff(desc));
    }
    text += QStringLiteral(".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nshow the help and exit.\n");
    return text;
}

// ---- bash ---------------------------------------------------------------------------------
QString shellWords(const QStringList &words) { return words.join(QLatin1Char(' ')); }

QString bashValueAction(const OptionSpec &o)
{
    switch (valueKind(o)) {
    case ValueKind::Refs: return QStringLiteral("COMPREPLY=($(compgen -W \"$(_reviewbench_refs)\" -- \"$cur\"))");
    case ValueKind::Directories: return QStringLiteral("COMPREPLY=($(compgen -d -- \"$cur\"))");
    case ValueKind::Files: return QStringLiteral("COMPREPLY=($(compgen -f -- \"$cur\"))");
    case ValueKind::Agents: return QStringLiteral("COMPREPLY=($(compgen -W \"$(_reviewbench_agents)\" -- \"$cur\"))");
    case ValueKind::Choices: return QStringLiteral("COMPREPLY=($(compgen -W \"%1\" -- \"$cur\"))").arg(shellWords(choices(o)));
    case ValueKind::None: return QStringLiteral("COMPREPLY=()");
    }
    return QStringLiteral("COMPREPLY=()");
}

// ---- zsh / fish ---------------------------------------------------------------------------
QString plainDescription(QString d)
{
    d.remove(QLatin1Char('`'));
    d.replace(QLatin1Char('['), QLatin1Char('(')).replace(QLatin1Char(']'), QLatin1Char(')'));
    d.replace(QLatin1Char('\''), QStringLiteral("’")).replace(QLatin1Char(':'), QStringLiteral(" -"));
    return d.simplified();
}

QString zshValueAction(const OptionSpec &o)
{
    switch (valueKind(o)) {
    case ValueKind::Refs: return QStringLiteral("_reviewbench_refs");
    case ValueKind::Directories: return QStringLiteral("_files -/");
    case ValueKind::Files: return QStringLiteral("_files");
    case ValueKind::Agents: return QStringLiteral("_reviewbench_agents");
    case ValueKind::Choices: return QStringLiteral("(%1)").arg(shellWords(choices(o)));
    case ValueKind::None: return QStringLiteral(" ");
    }
    return QStringLiteral(" ");
}

QString zshArguments(const CommandSpec &c)
{
    QStringList specs;
    for (const OptionSpec &o : c.options) {
        const QStringList names = dashedNames(o);
        QString head;
        if (names.size() > 1)
            head = QStringLiteral("'(%1)'{%2}'").arg(names.join(QLatin1Char(' ')), names.join(QLatin1Char(',')));
        else
            head = QStringLiteral("'") + names.first();
        if (o.repeatable)
            head = names.size() > 1 ? QStringLiteral("'*'{%1}'").arg(names.join(QLatin1Char(','))) : QStringLiteral("'*") + names.first();
        QString spec = head + QStringLiteral("[%1]").arg(plainDescription(o.description));
        if (o.takesValue())
            spec += QStringLiteral(":%1:%2").arg(plainDescription(o.valueName), zshValueAction(o));
        specs << spec + QLatin1Char('\'');
    }
    specs << QStringLiteral("'(-h --help)'{-h,--help}'[show the help and exit]'");
    if (!c.arguments.isEmpty())
        specs << QStringLiteral("'*:%1:_files'").arg(plainDescription(c.arguments.first().name));
    return specs.join(QStringLiteral(" \\\n        "));
}

QString fishValue(const OptionSpec &o)
{
    switch (valueKind(o)) {
    case ValueKind::Refs: return QStringLiteral(" -r -f -a '(__reviewbench_refs)'");
    case ValueKind::Directories: return QStringLiteral(" -r -f -a '(__fish_complete_directories)'");
    case ValueKind::Files: return QStringLiteral(" -r -F");
    case ValueKind::Agents: return QStringLiteral(" -r -f -a '(__reviewbench_agents)'");
    case ValueKind::Choices: return QStringLiteral(" -r -f -a '%1'").arg(shellWords(choices(o)));
    case ValueKind::None: return QStringLiteral(" -r -f");
    }
    return QString();
}

const char *const kRefsCommand = "git for-each-ref --format='%(refname:short)' refs/heads refs/remotes refs/tags 2>/dev/null";

} // namespace

QString manPage(const QString &version)
{
    const CommandSpec &window = windowCommand();
    QString t;
    t += QStringLiteral(".\\\" Generated by `reviewbench --dump-cli man` from the command declarations; do not edit.\n");
    t += QStringLiteral(".TH REVIEWBENCH 1 \"\" \"reviewbench %1\" \"User Commands\"\n").arg(version);
    t += QStringLiteral(".SH NAME\nreviewbench \\- workbench for multi\\-agent code review\n");
    t += QStringLiteral(".SH SYNOPSIS\n") + manSynopsis(window);
    t += QStringLiteral(".B reviewbench\n\\fICOMMAND\\fR [\\fIARGS\\fR...]\n");
    t += QStringLiteral(".SH DESCRIPTION\n");
    t += roffParagraphs(QStringLiteral(
        "Reviewbench shows a change's diff, every review agent's raw findings side by side and where they land, "
        "and lets a person merge duplicates, settle severities, mark false positives, apply suggested fixes to "
        "the working tree and export one consolidated report. The commands below work without a display."));
    t += QStringLiteral(".PP\n") + roffParagraphs(window.description);
    t += QStringLiteral(".SH OPTIONS\n") + manOptions(window);
    t += QStringLiteral(".SH COMMANDS\n");
    for (const CommandSpec &c : subcommands()) {
        t += QStringLiteral(".SS %1\n").arg(c.name);
        t += manSynopsis(c);
        t += QStringLiteral(".PP\n") + roffParagraphs(c.summary.isEmpty() ? c.description : c.summary);
        if (!c.description.isEmpty() && !c.summary.isEmpty())
            t += QStringLiteral(".PP\n") + roffParagraphs(c.description);
        for (const ArgumentSpec &a : c.arguments)
            if (!a.description.isEmpty())
                t += QStringLiteral(".TP\n\\fI%1\\fR\n%2.\n").arg(roff(a.name), roff(a.description));
        t += manOptions(c);
    }
    t += QStringLiteral(".SH EXIT STATUS\n"
                        ".TP\n0\nsuccess.\n"
                        ".TP\n1\nthe operation failed or was refused; nothing was changed.\n"
                        ".TP\n2\nwrong arguments.\n"
                        ".TP\n3\nthe fix is already in the file (\\fBpatch\\fR).\n"
                        ".TP\n4\nan input file could not be read or is invalid.\n");
    t += QStringLiteral(".SH FILES\n"
                        ".TP\n\\fI$XDG_CONFIG_HOME/reviewbench/agents.json\\fR\n"
                        "the review agents (default \\fI~/.config/reviewbench/agents.json\\fR), overlaid on the built\\-in "
                        "presets; also edited by the window's Preferences.\n"
                        ".TP\n\\fI$XDG_CONFIG_HOME/Reviewbench/Reviewbench.conf\\fR\n"
                        "the window's settings: recent files, layout, colour scheme, code font.\n");
    t += QStringLiteral(".SH SEE ALSO\n.BR git (1)\n");
    return t;
}

QString bashCompletion()
{
    QString t;
    t += QStringLiteral("# bash completion for reviewbench. Generated by `reviewbench --dump-cli bash` from the\n"
                        "# command declarations; do not edit.\n");
    // Refs of the repository named with --repo, else of the current folder's.
    t += QStringLiteral("_reviewbench_refs() {\n"
                        "    local repo=. i\n"
                        "    for ((i = 1; i < COMP_CWORD; i++)); do [[ \"${COMP_WORDS[i]}\" == --repo ]] && repo=\"${COMP_WORDS[i+1]}\"; done\n"
                        "    git -C \"$repo\" %1; echo HEAD\n"
                        "}\n")
             .arg(QLatin1String(kRefsCommand).mid(4));
    t += QStringLiteral("_reviewbench_agents() { \"${COMP_WORDS[0]}\" --dump-cli agents 2>/dev/null; }\n");
    t += QStringLiteral("_reviewbench() {\n"
                        "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" cmd=. i\n"
                        "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
                        "        case \"${COMP_WORDS[i]}\" in %1) cmd=\"${COMP_WORDS[i]}\"; break ;; esac\n"
                        "    done\n"
                        "    case \"$cmd $prev\" in\n")
             .arg(subcommandNames().join(QLatin1Char('|')));
    for (const CommandSpec *c : allCommands()) {
        const QString key = c->name.isEmpty() ? QStringLiteral(".") : c->name;
        for (const OptionSpec &o : c->options) {
            if (!o.takesValue())
                continue;
            QStringList patterns;
            for (const QString &n : dashedNames(o))
                patterns << QStringLiteral("\"%1 %2\"").arg(key, n);
            t += QStringLiteral("        %1) %2; return ;;\n").arg(patterns.join(QLatin1Char('|')), bashValueAction(o));
        }
    }
    t += QStringLiteral("    esac\n    local opts\n    case \"$cmd\" in\n");
    for (const CommandSpec *c : allCommands()) {
        QStringList names;
        for (const OptionSpec &o : c->options)
            names << dashedNames(o);
        names << QStringLiteral("-h") << QStringLiteral("--help");
        t += QStringLiteral("        %1) opts=\"%2\" ;;\n").arg(c->name.isEmpty() ? QStringLiteral(".") : c->name, names.join(QLatin1Char(' ')));
    }
    t += QStringLiteral("    esac\n"
                        "    if [[ \"$cur\" == -* ]]; then\n"
                        "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
                        "    elif [[ \"$cmd\" == . ]]; then\n"
                        "        COMPREPLY=($(compgen -W \"%1\" -- \"$cur\") $(compgen -f -- \"$cur\"))\n"
                        "    else\n"
                        "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
                        "    fi\n"
                        "}\n"
                        "complete -o filenames -F _reviewbench reviewbench\n")
             .arg(subcommandNames().join(QLatin1Char(' ')));
    return t;
}

QString zshCompletion()
{
    QString t;
    t += QStringLiteral("#compdef reviewbench\n"
                        "# zsh completion for reviewbench. Generated by `reviewbench --dump-cli zsh` from the command\n"
                        "# declarations; do not edit.\n");
    t += QStringLiteral("_reviewbench_refs() {\n    local -a refs\n    refs=(${(f)\"$(%1)\"} HEAD)\n"
                        "    _describe -t refs 'git ref' refs\n}\n")
             .arg(QLatin1String(kRefsCommand));
    t += QStringLiteral("_reviewbench_agents() {\n    local -a agents\n    agents=(${(f)\"$(reviewbench --dump-cli agents 2>/dev/null)\"})\n"
                        "    _describe -t agents agent agents\n}\n");
    t += QStringLiteral("_reviewbench() {\n    local -a commands\n    commands=(\n");
    for (const CommandSpec &c : subcommands())
        t += QStringLiteral("        '%1:%2'\n").arg(c.name, plainDescription(c.summary));
    t += QStringLiteral("    )\n"
                        "    if (( CURRENT > 2 )) && (( ${commands[(I)${words[2]}:*]} )); then\n"
                        "        local cmd=$words[2]\n"
                        "        shift words\n"
                        "        (( CURRENT-- ))\n"
                        "        case $cmd in\n");
    for (const CommandSpec &c : subcommands())
        t += QStringLiteral("        %1)\n            _arguments -s \\\n        %2 ;;\n").arg(c.name, zshArguments(c));
    t += QStringLiteral("        esac\n"
                        "        return\n"
                        "    fi\n"
                        "    if (( CURRENT == 2 )) && [[ $words[2] != -* ]]; then\n"
                        "        _describe -t commands command commands\n"
                        "    fi\n"
                        "    _arguments -s \\\n        %1\n"
                        "}\n"
                        "_reviewbench \"$@\"\n")
             .arg(zshArguments(windowCommand()));
    return t;
}

QString fishCompletion()
{
    QString t;
    t += QStringLiteral("# fish completion for reviewbench. Generated by `reviewbench --dump-cli fish` from the command\n"
                        "# declarations; do not edit.\n");
    t += QStringLiteral("function __reviewbench_refs\n    %1\n    echo HEAD\nend\n").arg(QLatin1String(kRefsCommand));
    t += QStringLiteral("function __reviewbench_agents\n    reviewbench --dump-cli agents 2>/dev/null\nend\n");
    const QString cmds = subcommandNames().join(QLatin1Char(' '));
    t += QStringLiteral("complete -c reviewbench -f\n");
    for (const CommandSpec &c : subcommands())
        t += QStringLiteral("complete -c reviewbench -n 'not __fish_seen_subcommand_from %1' -a %2 -d '%3'\n")
                 .arg(cmds, c.name, plainDescription(c.summary));
    t += QStringLiteral("complete -c reviewbench -n 'not __fish_seen_subcommand_from %1' -F\n").arg(cmds);
    for (const CommandSpec *c : allCommands()) {
        const QString condition = c->name.isEmpty() ? QStringLiteral("not __fish_seen_subcommand_from %1").arg(cmds)
                                                    : QStringLiteral("__fish_seen_subcommand_from %1").arg(c->name);
        for (const OptionSpec &o : c->options) {
            QString names;
            for (const QString &n : o.names)
                names += (n.size() == 1 ? QStringLiteral(" -s ") : QStringLiteral(" -l ")) + n;
            t += QStringLiteral("complete -c reviewbench -n '%1'%2%3 -d '%4'\n")
                     .arg(condition, names, o.takesValue() ? fishValue(o) : QString(), plainDescription(o.description));
        }
        t += QStringLiteral("complete -c reviewbench -n '%1' -s h -l help -d 'show the help and exit'\n").arg(condition);
        if (!c->name.isEmpty() && !c->arguments.isEmpty())
            t += QStringLiteral("complete -c reviewbench -n '%1' -F\n").arg(condition);
    }
    return t;
}

bool isDumpCli(const QStringList &args)
{
    return !args.isEmpty() && args.first() == QLatin1String("--dump-cli");
}

int runDumpCli(const QStringList &args)
{
    const QString what = args.value(1);
    if (args.size() != 2) {
        err() << "Usage: reviewbench --dump-cli man|bash|zsh|fish|agents\n";
        return ExitUsage;
    }
    if (what == QLatin1String("man"))
        out() << manPage(QStringLiteral(REVIEWBENCH_VERSION));
    else if (what == QLatin1String("bash"))
        out() << bashCompletion();
    else if (what == QLatin1String("zsh"))
        out() << zshCompletion();
    else if (what == QLatin1String("fish"))
        out() << fishCompletion();
    else if (what == QLatin1String("agents")) {
        // The configured agents; a broken agents.json still completes the presets.
        auto profiles = agents::loadAgentProfiles(agents::defaultAgentConfigPath(), false);
        for (const agents::AgentProfile &p : profiles ? *profiles : agents::builtinAgentProfiles())
            out() << p.id << "\n";
    } else {
        err() << "reviewbench --dump-cli: unknown format '" << what << "'; expected man, bash, zsh, fish or agents\n";
        return ExitUsage;
    }
    return ExitOk;
}

} // namespace rb::cli
