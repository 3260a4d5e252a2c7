#pragma once
// Choosing what to review: a repository (recent ones offered) and either a base...head range,
// with completion over its branches and tags, or its working tree. The inputs are checked as
// they change; OK stays disabled until they name a reviewable range, and the error label
// says what is wrong and where. Refs are listed on a worker thread.

#include "git/refs.h"
#include "session/new_review.h"
#include "session/review_session.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QCheckBox;
class QComboBox;
class QCompleter;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QStringListModel;
class QThread;

namespace rb::ui {

class OpenRangeDialog : public QDialog {
    Q_OBJECT
public:
    explicit OpenRangeDialog(QWidget *parent = nullptr);
    ~OpenRangeDialog() override;

    // Prefills the inputs. A range given here is kept when the repository's refs arrive;
    // otherwise base and head follow the repository's defaults.
    void setRepositoryPath(const QString &path);
    void setRange(const QString &base, const QString &head);
    void setWorkingTree(bool workingTree);

    RangeRequest request() const;
    // The inputs resolved, when they name a reviewable range.
    const std::optional<ResolvedRequest> &resolved() const { return m_resolved; }
    QString errorText() const;
    // The names offered for completion (empty until the refs of the repository arrive).
    QStringList completions() const;

Q_SIGNALS:
    void refsLoaded();

private:
    void onRepositoryChanged();
    void loadRefs(const QString &path);
    void applyRefs(int generation, const std::optional<git::RefNames> &names);
    void browse();
    void validate();
    void showError(const QString &message);
    void showStatusColour();

    QComboBox *m_repository;
    QLineEdit *m_base;
    QLineEdit *m_head;
    QCheckBox *m_workingTree;
    QLabel *m_status;
    bool m_statusIsError = false;
    QDialogButtonBox *m_buttons;
    QStringListModel *m_refModel;
    std::optional<ResolvedRequest> m_resolved;
    QString m_refsPath;       // the repository whose refs the completion model lists (or awaits)
    bool m_rangeGiven = false; // base/head typed or prefilled: keep them over the defaults
    int m_refsGeneration = 0;
    QList<QPointer<QThread>> m_workers;
};

} // namespace rb::ui
