// The window: settings on the left, the training and inspection toolbars on top, pages for
// the training charts and the inside-the-cell views, a status line. Wires the panels to the
// TrainingController and draws the snapshots it receives; owns no training logic of its own.
#pragma once

#include "session/SessionSettings.h"
#include "worker/TrainingSnapshot.h"

#include <QMainWindow>
#include <QTimer>

class CellPage;
class PresentationMode;
class Zoom;
class ComparePage;
class SweepPage;
class GradientFlowView;
class HeatmapView;
class Inspector;
class InspectorToolBar;
class NoticeBanner;
class LessonDock;
class LossChart;
class QTabWidget;
class TextInspectorPage;
class TextSamplePanel;
class PredictionChart;
class TrainingStatus;
class SettingsPanel;
class TrainingController;
class TrainingToolBar;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const SessionSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    TrainingController* controller() const { return m_controller; }
    SettingsPanel* settingsPanel() const { return m_settings; }
    TrainingToolBar* trainingToolBar() const { return m_toolBar; }
    NoticeBanner* banner() const { return m_banner; }
    LossChart* lossChart() const { return m_loss; }
    PredictionChart* predictionChart() const { return m_predictions; }
    Inspector* inspector() const { return m_inspector; }
    InspectorToolBar* inspectorToolBar() const { return m_inspectorBar; }
    QTabWidget* pages() const { return m_pages; }
    // "training", "cell", "heatmaps", "gradients", "text", "compare", "sweep": the pages in tab order.
    static QStringList pageNames();
    void showPage(const QString& name);
    TextSamplePanel* textSamples() const { return m_textSamples; }
    LessonDock* lessons() const { return m_lessons; }
    ComparePage* comparePage() const { return m_compare; }
    SweepPage* sweepPage() const { return m_sweep; }
    Zoom* zoom() const { return m_zoom; }
    PresentationMode* presentation() const { return m_presentation; }
    // Shows the settings in the panel and starts a new model from them, without asking.
    void applySettings(const SessionSettings& settings);
    // Whether changing the model or data asks before throwing away a trained model.
    void setAskBeforeRebuild(bool ask) { m_askBeforeRebuild = ask; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildPages();
    void buildInspector();
    void buildMenus();
    QWidget* buildComparePage();
    void showSnapshot(const SnapshotPointer& snapshot);
    void rebuild(const SessionSettings& settings);
    void resetTraining();
    void playAtRecommendedSpeed(const SessionSettings& settings);
    void saveModel();
    void rememberRecentModel(const QString& path);
    void showError(const QString& message);

    TrainingController* m_controller = nullptr;
    SettingsPanel* m_settings = nullptr;
    TrainingToolBar* m_toolBar = nullptr;
    NoticeBanner* m_banner = nullptr;
    LossChart* m_loss = nullptr;
    PredictionChart* m_predictions = nullptr;
    Inspector* m_inspector = nullptr;
    InspectorToolBar* m_inspectorBar = nullptr;
    QTabWidget* m_pages = nullptr;
    CellPage* m_cellPage = nullptr;
    HeatmapView* m_heatmaps = nullptr;
    GradientFlowView* m_gradientFlow = nullptr;
    TextInspectorPage* m_textPage = nullptr;
    TextSamplePanel* m_textSamples = nullptr;
    TrainingStatus* m_status = nullptr;
    LessonDock* m_lessons = nullptr;
    ComparePage* m_compare = nullptr;
    SweepPage* m_sweep = nullptr;
    Zoom* m_zoom = nullptr;
    PresentationMode* m_presentation = nullptr;
    bool m_askBeforeRebuild = true;
    SessionSettings m_current; // what the running model was built from
    QTimer m_frameTimer;
    bool m_stale = false;      // a snapshot arrived that is not drawn yet
    bool m_bannerFromSnapshot = false; // the banner shows a snapshot's notice, not a file error
    bool m_holdsLoadedWeights = false; // a loaded model runs: changes must ask first
};
