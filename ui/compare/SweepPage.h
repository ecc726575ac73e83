// The Sweep page: how long can each cell remember? Fresh models of 2 to 4 cells at each
// value of one parameter of the side panel's built-in data set (the lag, say), trained in
// the background until solved or out of steps, with progress and Cancel. The final score
// against the parameter, one line per cell, is drawn as the results come in: the classic
// figure of the LSTM papers.
#pragma once

#include "compare/ComparedCells.h"
#include "training/Sweep.h"
#include "session/SessionSettings.h"

#include <QWidget>

#include <array>
#include <atomic>
#include <functional>
#include <thread>

class ModelCurvesChart;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

class SweepPage : public QWidget {
    Q_OBJECT
public:
    explicit SweepPage(std::function<SessionSettings()> session, QWidget* parent = nullptr);
    ~SweepPage() override; // cancels and waits for the training threads

    // Starts the sweep the controls describe; a sentence saying why not, or "".
    QString start();
    void cancel();
    bool running() const { return m_thread.joinable() && !m_finished; }
    // For tests and the command line: the parameter and its values, then start().
    void setSwept(const QString& key, const QString& values);
    void setCells(const std::vector<lstm::CellKind>& cells);

    const std::vector<lstm::SweepResult>& results() const { return m_results; }
    ModelCurvesChart* chart() const { return m_chart; }
    QProgressBar* progress() const { return m_progress; }

signals:
    void finished(bool cancelled);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void fillParameters(); // the side panel's data set's numeric parameters
    void addResult(const lstm::SweepResult& result);
    void redraw();
    void finish(bool cancelled);
    std::vector<double> values(QString* problem) const;

    std::function<SessionSettings()> m_session;
    QComboBox* m_key = nullptr;
    QLineEdit* m_values = nullptr;
    std::array<QCheckBox*, comparedCells.size()> m_cells{}; // one per cell offered
    QPushButton* m_start = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    ModelCurvesChart* m_chart = nullptr;

    std::unique_ptr<lstm::Sweep> m_sweep;
    std::vector<lstm::SweepResult> m_results;
    std::atomic<bool> m_cancel{false};
    std::thread m_thread;
    bool m_finished = true;
    QString m_dataset; // the data set the parameter list was filled for
};
