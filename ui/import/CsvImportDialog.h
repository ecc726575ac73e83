// The dialog that brings a user's CSV file in: pick it or drop it, see how it reads (the
// detected delimiter, header, decimal mark, date order and column types, each one editable,
// over a preview of the first rows), give each column its role, choose the missing-value
// policy and the sequences, and import. A file larger than the preview loads on a background
// thread with a progress bar and Cancel. Every problem is shown here with its line and
// column, and nothing outside the dialog changes until the import has succeeded.
// Not the import itself (core/CsvImport.h, CsvPreview, CsvLoader), nor the parts it is made of
// (CsvDialectBox, CsvColumnRoles, CsvPreviewModel).
#pragma once

#include "import/CsvColumnRoles.h"
#include "import/CsvPreview.h"
#include "session/SessionSettings.h"

#include <QDialog>

#include <optional>

class CsvDialectBox;
class CsvLoader;
class CsvPreviewModel;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

class CsvImportDialog : public QDialog {
    Q_OBJECT
public:
    using Role = CsvColumnRoles::Role;

    explicit CsvImportDialog(QWidget* parent = nullptr);
    ~CsvImportDialog() override;

    void setFile(const QString& path);       // detects everything anew
    void setSource(const CsvSource& source); // a file with the choices it was imported with
    // The file and the choices; once the dialog is accepted, also the table it imported.
    CsvSource source() const;

    const CsvPreview& preview() const { return m_preview; }
    QString errorText() const;              // empty when nothing is wrong
    bool loading() const;
    Role role(const QString& column) const; // as the column's role box shows it
    QPushButton* importButton() const { return m_import; }
    QPushButton* cancelLoadButton() const { return m_cancelLoad; }
    QProgressBar* progressBar() const { return m_progress; }

public slots:
    void reject() override; // also stops a load

private:
    QWidget* buildFileRow();
    QWidget* buildSequenceBox();
    QWidget* buildPreview();
    QWidget* buildLoadRow();
    void chooseFile();
    void refreshPreview();
    void columnRoleChosen(const QString& column, Role role);
    void validate();
    void showError(const QString& message);
    void startImport();
    void setLoading(bool loading);
    void defaultSequenceLength();
    lstm::CsvImportOptions importOptions() const;

    bool m_filling = false;
    QString m_path;
    CsvPreview m_preview;
    std::optional<QString> m_timeOverride;   // set when the user chose the time axis
    std::shared_ptr<const lstm::CsvTable> m_imported;
    CsvLoader* m_loader = nullptr;

    QLabel* m_fileName = nullptr;
    CsvDialectBox* m_dialect = nullptr;
    CsvColumnRoles* m_columns = nullptr;
    QSpinBox* m_sequenceLength = nullptr;
    QSpinBox* m_horizon = nullptr;
    QLabel* m_previewTitle = nullptr;
    QTableView* m_table = nullptr;
    CsvPreviewModel* m_model = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_error = nullptr;
    QWidget* m_loadRow = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancelLoad = nullptr;
    QPushButton* m_import = nullptr;
    QWidget* m_buttons = nullptr;      // Import and Cancel, replaced by the load's own Cancel while loading
    QLabel* m_loadLabel = nullptr;
    QWidget* m_settingsArea = nullptr; // everything the user may change, disabled while loading
};
