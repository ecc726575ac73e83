// The import dialog's list of columns: each one's name, type, missing cells and role (input,
// target, both or ignored; the time axis for a date column), chosen in a box per column. Keeps
// the roles the user chose by column name; the others default as on the command line: every
// number column an input, the last one also the target, the detected date column the axis.
// Not what a role does (SeriesPreparation.h).
#pragma once

#include "import/CsvPreview.h"

#include <QHash>
#include <QTableWidget>

class CsvColumnRoles : public QTableWidget {
    Q_OBJECT
public:
    enum class Role { Input, Target, InputAndTarget, Ignore, TimeAxis };

    explicit CsvColumnRoles(QWidget* parent = nullptr);

    void showColumns(const CsvPreview& preview);
    void forgetChoices();
    void remember(const QString& column, Role role); // shown at the next showColumns()
    Role role(const QString& column) const;           // as its box shows it
    QStringList inputs() const;                      // in column order
    QStringList targets() const;

signals:
    void roleChosen(const QString& column, Role role); // by the user, in a column's box

private:
    QStringList columnsWith(Role role) const;

    QHash<QString, Role> m_chosen;
};
