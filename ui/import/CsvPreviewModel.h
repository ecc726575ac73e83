// The preview table of the CSV import dialog: the first rows of a file as written, one
// column per CSV column, headed by the column's name, type and missing cells, with the line
// each row starts on at the left and the cell an error points at marked. Read-only.
#pragma once

#include "import/CsvPreview.h"

#include <QAbstractTableModel>

class CsvPreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit CsvPreviewModel(QObject* parent = nullptr);

    void setPreview(const CsvPreview& preview);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_names;
    QStringList m_types;
    std::vector<std::size_t> m_missing;
    QList<QStringList> m_rows;
    QList<int> m_lines;
    int m_errorLine = 0;
    int m_errorColumn = 0;
};
