// The import dialog's "How the file is written": delimiter, first row, decimal mark, date
// order and the missing-value policy (not "keep": see setChoices). Each detected setting's
// box starts with what the detection found, so every guess is visible and can be overridden.
// Not the detection (core/CsvDetection.h).
#pragma once

#include "import/CsvPreview.h"
#include "session/SessionSettings.h"

#include <QGroupBox>

class QComboBox;

class CsvDialectBox : public QGroupBox {
    Q_OBJECT
public:
    explicit CsvDialectBox(QWidget* parent = nullptr);

    void reset();                             // every choice back to the detection; no signal
    // The choices made before; no signal. The missing-value box offers only the policies a
    // model trains with (trainsWith): Keep is listed greyed with the reason, and reads as the default.
    void setChoices(const CsvSource& source);
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
