// The side panel's Data section: where the data comes from (a built-in data set with every
// one of its parameters, a text file, or a CSV file through the import dialog), the file in
// use, and what is read from it. Says when the data changed so a new model is built; opens
// files chosen, dropped or imported. Not the reading of the files (SessionDataset).
#pragma once

#include "session/SessionSettings.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSpinBox;
class QStackedWidget;

class DataSection : public QWidget {
    Q_OBJECT
public:
    explicit DataSection(QWidget* parent = nullptr);

    void setSettings(const SessionSettings& settings); // the data part; no signal
    void writeTo(SessionSettings& settings) const;     // the data part back

    // A .csv, .tsv or .psv file opens the import dialog; any other file becomes text data.
    void openDataFile(const QString& path);
    void importCsv(const QString& path = {}); // the import dialog, window-modal, never blocking
    void chooseTextFile();

signals:
    void changed(); // by the user: the data needs a new model
    void datasetChosen(const QString& name); // by the user, just before changed()
    void seriesChosen();                     // a CSV series imported, just before changed()

private:
    QWidget* buildGeneratorPage();
    QWidget* buildTextPage();
    QWidget* buildCsvPage();
    void sourceChosen();
    void showSource(DataSource source);
    void showFiles();
    void showGeneratorParameters(const QString& name, const lstm::GeneratorSettings& values);
    void changedByUser();

    bool m_filling = false;
    DataSource m_source = DataSource::Generator;
    TextSource m_text;
    CsvSource m_csv; // with the imported table, so a new model does not read the file again
    QComboBox* m_sourceBox = nullptr;
    QStackedWidget* m_pages = nullptr; // one page per DataSource, in its order
    QComboBox* m_dataset = nullptr;
    QLabel* m_datasetDescription = nullptr;
    QFormLayout* m_parameterForm = nullptr;
    QList<QDoubleSpinBox*> m_parameters; // one per parameter of the chosen generator, key in objectName
    QLabel* m_textFile = nullptr;
    QSpinBox* m_textLength = nullptr;
    QLabel* m_csvFile = nullptr;
    QLabel* m_csvSummary = nullptr;
};
