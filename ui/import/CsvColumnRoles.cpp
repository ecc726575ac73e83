#include "import/CsvColumnRoles.h"

#include <QComboBox>
#include <QHeaderView>

namespace {

using Role = CsvColumnRoles::Role;

QString roleLabel(Role role)
{
    switch (role) {
    case Role::Input:
        return CsvColumnRoles::tr("input");
    case Role::Target:
        return CsvColumnRoles::tr("target");
    case Role::InputAndTarget:
        return CsvColumnRoles::tr("input and target");
    case Role::TimeAxis:
        return CsvColumnRoles::tr("time axis");
    case Role::Ignore:
        break;
    }
    return CsvColumnRoles::tr("ignore");
}

} // namespace

CsvColumnRoles::CsvColumnRoles(QWidget* parent) : QTableWidget(0, 4, parent)
{
    setObjectName(QStringLiteral("columns"));
    setHorizontalHeaderLabels({tr("Column"), tr("Type"), tr("Missing"), tr("Role")});
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents); // the role boxes whole
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);         // long names give way
    horizontalHeader()->setStretchLastSection(false);
    setTextElideMode(Qt::ElideMiddle);
    setToolTip(tr("Inputs are what the network reads at each step; targets are what it learns to predict. "
                  "A date column is the time axis, not a feature."));
}

void CsvColumnRoles::forgetChoices()
{
    m_chosen.clear();
}

void CsvColumnRoles::remember(const QString& column, Role role)
{
    m_chosen[column] = role;
}

CsvColumnRoles::Role CsvColumnRoles::role(const QString& column) const
{
    for (int row = 0; row < rowCount(); ++row)
        if (item(row, 0) && item(row, 0)->text() == column)
            if (const auto* box = qobject_cast<const QComboBox*>(cellWidget(row, 3)))
                return Role(box->currentData().toInt());
    return Role::Ignore;
}

QStringList CsvColumnRoles::columnsWith(Role wanted) const
{
    QStringList names;
    for (int row = 0; row < rowCount(); ++row) {
        const QString name = item(row, 0) ? item(row, 0)->text() : QString();
        const Role chosen = role(name);
        if (chosen == wanted || chosen == Role::InputAndTarget)
            names << name;
    }
    return names;
}

QStringList CsvColumnRoles::inputs() const
{
    return columnsWith(Role::Input);
}

QStringList CsvColumnRoles::targets() const
{
    return columnsWith(Role::Target);
}

void CsvColumnRoles::showColumns(const CsvPreview& preview)
{
    const lstm::CsvLayout& layout = preview.layout;
    // The table deletes replaced boxes later: until then they must not answer to their name.
    for (int row = 0; row < rowCount(); ++row)
        if (QWidget* old = cellWidget(row, 3)) {
            old->setObjectName(QString());
            old->disconnect(this);
        }
    int lastNumber = -1;
    for (size_t j = 0; j < layout.types.size(); ++j)
        if (layout.types[j] == lstm::ColumnType::Number)
            lastNumber = int(j);
    setRowCount(int(layout.names.size()));
    for (size_t j = 0; j < layout.names.size(); ++j) {
        const QString name = QString::fromStdString(layout.names[j]);
        const lstm::ColumnType type = layout.types[j];
        QList<Role> choices;
        Role chosen = Role::Ignore;
        if (int(j) == layout.timeColumn || type == lstm::ColumnType::Time) {
            choices = {Role::TimeAxis, Role::Ignore};
            chosen = int(j) == layout.timeColumn ? Role::TimeAxis : Role::Ignore;
        } else if (type == lstm::ColumnType::Number) {
            choices = {Role::Input, Role::Target, Role::InputAndTarget, Role::Ignore};
            chosen = m_chosen.contains(name) ? m_chosen[name] : int(j) == lastNumber ? Role::InputAndTarget : Role::Input;
        } else {
            choices = {Role::Ignore};
        }
        const std::size_t missing = j < preview.missing.size() ? preview.missing[j] : 0;
        auto* nameItem = new QTableWidgetItem(name);
        nameItem->setToolTip(name);
        setItem(int(j), 0, nameItem);
        setItem(int(j), 1, new QTableWidgetItem(QString::fromLatin1(lstm::columnTypeName(type))));
        setItem(int(j), 2, new QTableWidgetItem(type == lstm::ColumnType::Text ? QStringLiteral("–")
                                                                               : QString::number(missing)));
        auto* box = new QComboBox;
        box->setObjectName(QStringLiteral("role:") + name);
        for (const Role choice : choices)
            box->addItem(roleLabel(choice), int(choice));
        box->setCurrentIndex(int(choices.indexOf(chosen)));
        box->setEnabled(choices.size() > 1);
        if (type == lstm::ColumnType::Text || type == lstm::ColumnType::Empty)
            box->setToolTip(tr("A column of %1 cannot be data")
                                .arg(type == lstm::ColumnType::Text ? tr("words") : tr("empty cells")));
        // Queued: the choice may rebuild this table, and with it this box.
        connect(
            box, &QComboBox::currentIndexChanged, this,
            [this, name, choices](int index) {
                if (index >= 0)
                    emit roleChosen(name, choices[index]);
            },
            Qt::QueuedConnection);
        setCellWidget(int(j), 3, box);
    }
}
