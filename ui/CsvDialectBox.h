// The import dialog's "How the file is written": delimiter, first row, decimal mark, date
// order and the missing-value policy. Each box's first entry says what the detection found,
// so every guess is visible and can be overridden. Not the detection (core/CsvDetection.h).
#pragma once

#include "CsvPreview.h"
#include "SessionSettings.h"

#include <QGroupBox>

class QComboBox;

class CsvDialectBox : public QGroupBox {
    Q_OBJECT
public:
    explicit CsvDialectBox(QWidget* parent = nullptr);

    void reset();                             // every choice back to the detection; no signal
    void setChoices(const CsvSource& source); // the choices made before; no signal
    lstm::CsvImportOptions options() const;   // the overrides and the policy; not the time column
    void showDetected(const CsvPreview& preview);

signals:
    void columnsChanged(); // the delimiter or the first row: the columns themselves may differ
    void readingChanged(); // the decimal mark, the date order or the missing values

private:
    bool m_filling = false;
    QComboBox* m_delimiter = nullptr;
    QComboBox* m_header = nullptr;
    QComboBox* m_decimal = nullptr;
    QComboBox* m_dateOrder = nullptr;
    QComboBox* m_missing = nullptr;
};
