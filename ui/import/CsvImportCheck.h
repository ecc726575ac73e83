// What the import dialog says of the reading and the roles chosen: the first thing that
// stops the import, or a summary of how the rows will split into training and checking.
// Builds the data set once from the preview's whole table to find out. No widget.
#pragma once

#include "import/CsvPreview.h"
#include "session/SessionSettings.h"

#include <QCoreApplication>
#include <QString>

struct CsvImportCheck {
    Q_DECLARE_TR_FUNCTIONS(CsvImportCheck)
public:
    QString error;   // empty when the import may go ahead
    QString summary; // what the user reads under the preview; may be empty

    bool ok() const { return error.isEmpty(); }

    static CsvImportCheck of(const CsvPreview& preview, const CsvSource& chosen);
};
