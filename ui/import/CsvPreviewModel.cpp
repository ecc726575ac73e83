#include "import/CsvPreviewModel.h"

#include "csv/CsvNumber.h"

#include <QBrush>
#include <QColor>
#include <QFont>

CsvPreviewModel::CsvPreviewModel(QObject* parent) : QAbstractTableModel(parent) {}

void CsvPreviewModel::setPreview(const CsvPreview& preview)
{
    beginResetModel();
    m_names.clear();
    m_types.clear();
    for (std::size_t j = 0; j < preview.layout.names.size(); ++j) {
        m_names << QString::fromStdString(preview.layout.names[j]);
        const bool axis = int(j) == preview.layout.timeColumn;
        m_types << (axis ? tr("time axis") : QString::fromLatin1(lstm::columnTypeName(preview.layout.types[j])));
    }
    m_missing = preview.missing;
    m_rows = preview.rows;
    m_lines = preview.rowLines;
    m_errorLine = preview.errorLine;
    m_errorColumn = preview.errorColumn;
    endResetModel();
}

int CsvPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CsvPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

QVariant CsvPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QStringList& row = m_rows[index.row()];
    const QString cell = index.column() < row.size() ? row[index.column()] : QString();
    const bool wrong = m_lines[index.row()] == m_errorLine && (m_errorColumn == 0 || m_errorColumn == index.column() + 1);
    const bool missing = lstm::isMissingMarker(cell.toStdString());
    switch (role) {
    case Qt::DisplayRole:
        return cell;
    case Qt::BackgroundRole:
        return wrong ? QVariant(QBrush(QColor(255, 205, 210))) : QVariant(); // light red: where the error is
    case Qt::ForegroundRole:
        return wrong ? QVariant(QBrush(QColor(60, 0, 0))) : QVariant();
    case Qt::FontRole:
        if (missing) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::ToolTipRole:
        return missing ? tr("A missing value") : QVariant();
    default:
        return {};
    }
}

QVariant CsvPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (orientation == Qt::Vertical) {
        if (section >= m_lines.size())
            return {};
        return role == Qt::DisplayRole ? QVariant(m_lines[section]) : QVariant(tr("Line %1 of the file").arg(m_lines[section]));
    }
    if (section >= m_names.size())
        return {};
    const std::size_t missing = std::size_t(section) < m_missing.size() ? m_missing[std::size_t(section)] : 0;
    if (role == Qt::ToolTipRole)
        return tr("%1: %2, %n missing in the part read", nullptr, int(missing)).arg(m_names[section], m_types[section]);
    QString text = m_names[section] + '\n' + m_types[section];
    if (missing > 0)
        text += tr(", %n missing", nullptr, int(missing));
    return text;
}
