#include "window/MainWindow.h"

#include "inspector/cell/CellDiagramView.h"
#include "inspector/cell/CellPage.h"
#include "inspector/gradients/GradientFlowView.h"
#include "inspector/heatmaps/HeatmapView.h"
#include "inspector/Inspector.h"
#include "inspector/InspectorToolBar.h"
#include "window/NoticeBanner.h"
#include "inspector/text/TextInspectorPage.h"
#include "panel/TextSamplePanel.h"
#include "window/FileDropFilter.h"
#include "inspector/cell/TimelineView.h"
#include "charts/LossChart.h"
#include "charts/PredictionChart.h"
#include "panel/SettingsPanel.h"
#include "worker/TrainingController.h"
#include "charts/TrainingPage.h"
#include "classroom/LessonDock.h"
#include "compare/ComparePage.h"
#include "compare/SweepPage.h"
#include "style/Zoom.h"
#include "window/PresentationMode.h"
#include "window/ShortcutsHelp.h"
#include "window/ViewMenu.h"
#include "window/TrainingStatus.h"
#include "window/TrainingToolBar.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>


MainWindow::MainWindow(const SessionSettings& settings, QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("LSTM Lab"));
    m_controller = new TrainingController(this);
    m_toolBar = new TrainingToolBar(this);
    addToolBar(m_toolBar);
    buildInspector();
    m_settings = new SettingsPanel;
    m_settings->setSettings(settings);
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_settings);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(m_settings->sizeHint().width() + 24);

    auto* splitter = new QSplitter;
    splitter->addWidget(scroll);
    splitter->addWidget(buildPages());
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    m_lessons = new LessonDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_lessons);
    m_zoom = new Zoom(this);
    m_presentation = new PresentationMode(this);
    buildMenus();
    m_status = new TrainingStatus;
    statusBar()->addWidget(m_status, 1);
    m_presentation->addPart(QStringLiteral("side-panel"), tr("The side panel"), scroll);
    m_presentation->addPart(QStringLiteral("inspector-toolbar"), tr("The inspector's toolbar"), m_inspectorBar);
    m_presentation->addPart(QStringLiteral("status-line"), tr("The status line"), statusBar());

    connect(m_toolBar->playAction(), &QAction::triggered, m_controller, &TrainingController::togglePlay);
    connect(m_toolBar->stepAction(), &QAction::triggered, m_controller, &TrainingController::step);
    connect(m_toolBar->resetAction(), &QAction::triggered, this, &MainWindow::resetTraining);
    connect(m_toolBar, &TrainingToolBar::stepsPerSecondChanged, m_controller, &TrainingController::setStepsPerSecond);
    connect(m_settings, &SettingsPanel::learningRateChanged, this, [this](double rate) {
        m_current.train.learningRate = rate;
        m_controller->setLearningRate(rate);
    });
    connect(m_settings, &SettingsPanel::clipNormChanged, this, [this](double norm) {
        m_current.train.clipNorm = norm;
        m_controller->setClipNorm(norm);
    });
    connect(m_settings, &SettingsPanel::stopConditionsChanged, this, [this](const lstm::StopConditions& stop) {
        m_current.stop = stop;
        m_controller->setStopConditions(stop);
    });
    m_textSamples->setSampling(settings.sampling);
    connect(m_textSamples, &TextSamplePanel::samplingChanged, this, [this](const TextSampling& sampling) {
        m_current.sampling = sampling;
        m_settings->setTextSampling(sampling);
        m_controller->setTextSampling(sampling);
    });
    connect(new FileDropFilter(this), &FileDropFilter::fileDropped, m_settings, &SettingsPanel::openDataFile);
    // Queued: the question dialog, and refilling the panel on Cancel, must not run inside the
    // signal of a spin box that the refill deletes.
    connect(m_settings, &SettingsPanel::rebuildRequested, this, &MainWindow::rebuild, Qt::QueuedConnection);
    connect(m_banner, &NoticeBanner::restoreRequested, m_controller, &TrainingController::restoreLastGood);
    // Snapshots only mark the window stale; a 30 Hz timer draws the newest one. A window that
    // draws slower than training publishes then skips snapshots instead of falling behind.
    connect(m_controller, &TrainingController::snapshotChanged, this, [this] { m_stale = true; });
    m_frameTimer.setInterval(33);
    connect(&m_frameTimer, &QTimer::timeout, this, [this] {
        if (m_stale && m_controller->latest()) {
            m_stale = false;
            showSnapshot(m_controller->latest());
        }
    });
    m_frameTimer.start();
    // The running model stays, and the panel goes back to what it was built from; with none
    // running yet (a saved session whose file no longer reads) the demo takes over.
    connect(m_controller, &TrainingController::rebuildFailed, this, [this](const QString& message) {
        const SnapshotPointer running = m_controller->latest();
        m_current = running ? running->session : SessionSettings::demo();
        m_settings->setSettings(m_current);
        if (!running)
            m_controller->rebuild(m_current);
        showError(running ? tr("Cannot build this model: %1").arg(message)
                          : tr("Cannot use this data: %1. This is the sine-wave demo instead.").arg(message));
    });
    connect(m_controller, &TrainingController::modelSaved, this, [this](const QString& path, const QString& error) {
        if (error.isEmpty()) {
            rememberRecentModel(path);
            statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
        } else {
            showError(tr("The model was not saved: %1").arg(error));
        }
    });
    connect(m_controller, &TrainingController::modelLoaded, this, [this](const QString& path, const QString& error) {
        if (!error.isEmpty()) {
            showError(tr("The model was not loaded: %1").arg(error));
            return;
        }
        rememberRecentModel(path);
        m_holdsLoadedWeights = true;
        // The panel shows the loaded architecture; the data and training settings stay.
        const lstm::ModelConfig& model = m_controller->latest()->model;
        m_current.model.cell = model.cell;
        m_current.model.hiddenSize = model.hiddenSize;
        m_current.model.layers = model.layers;
        m_settings->setSettings(m_current);
        statusBar()->showMessage(tr("Loaded %1").arg(path), 5000);
    });
    playAtRecommendedSpeed(settings);
    m_controller->setStepsPerSecond(m_toolBar->stepsPerSecond());
    m_current = settings;
    m_controller->rebuild(settings);
}

// The views and the inspector's toolbar hold the inspector's model, which as an older child
// would be deleted before them: they go first.
MainWindow::~MainWindow()
{
    delete takeCentralWidget();
    delete m_inspectorBar;
}

// The inspector's toolbar sits on a second row. Stepping through a recorded step needs
// training to hold still; a new optimizer step ends the step-through so that step shows.
void MainWindow::buildInspector()
{
    m_inspector = new Inspector(this);
    m_inspectorBar = new InspectorToolBar(m_inspector, this);
    addToolBarBreak();
    addToolBar(m_inspectorBar);
    connect(m_inspectorBar, &InspectorToolBar::stepThroughStarted, this, [this] {
        if (m_controller->playRequested())
            m_controller->pause();
    });
    connect(m_toolBar->stepAction(), &QAction::triggered, m_inspector->model(), &InspectorModel::finishStepThrough);
    connect(m_toolBar->playAction(), &QAction::triggered, m_inspector, [this] {
        m_inspector->model()->finishStepThrough();
        m_inspector->followNewest();
    });
}

QStringList MainWindow::pageNames()
{
    return {QStringLiteral("training"), QStringLiteral("cell"),    QStringLiteral("heatmaps"),
            QStringLiteral("gradients"), QStringLiteral("text"), QStringLiteral("compare"), QStringLiteral("sweep")};
}

void MainWindow::showPage(const QString& name)
{
    if (const int page = pageNames().indexOf(name); page >= 0)
        m_pages->setCurrentIndex(page);
}

QWidget* MainWindow::buildPages()
{
    InspectorModel* model = m_inspector->model();
    m_cellPage = new CellPage(model);
    m_heatmaps = new HeatmapView(model);
    m_gradientFlow = new GradientFlowView(model);
    m_textPage = new TextInspectorPage(model);
    connect(m_inspector, &Inspector::vocabularyChanged, this, [this] {
        m_cellPage->timeline()->setVocabulary(m_inspector->vocabulary());
        m_cellPage->diagram()->setVocabulary(m_inspector->vocabulary());
        m_textPage->setVocabulary(m_inspector->vocabulary());
    });
    m_pages = new QTabWidget;
    m_pages->setDocumentMode(true);
    auto* training = new TrainingPage;
    m_banner = training->banner();
    m_loss = training->lossChart();
    m_predictions = training->predictionChart();
    m_textSamples = training->textSamples();
    m_pages->addTab(training, tr("Training"));
    m_pages->addTab(m_cellPage, tr("Inside the cell"));
    m_pages->addTab(m_heatmaps, tr("Heatmaps"));
    m_pages->addTab(m_gradientFlow, tr("Gradients through time"));
    m_pages->addTab(m_textPage, tr("Text"));
    m_pages->addTab(buildComparePage(), tr("Compare"));
    m_sweep = new SweepPage([this] { return m_settings->settings(); });
    m_pages->addTab(m_sweep, tr("Sweep"));
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int page) {
        if (page == 0 && m_controller->latest()) { // the charts skipped snapshots while hidden
            m_loss->showSnapshot(*m_controller->latest());
            m_predictions->showSnapshot(*m_controller->latest());
        }
    });
    const QStringList tips{tr("Loss and predictions while training (Ctrl+1)"),
                           tr("The cell diagram, its equations with the numbers in, and the unrolled timeline (Ctrl+2)"),
                           tr("Every gate, c and h over units and time (Ctrl+3)"),
                           tr("How large the gradients stay as they flow back through time (Ctrl+4)"),
                           tr("The input text tinted by one unit's activation (Ctrl+5)"),
                           tr("Two to four models side by side on the same data, in lock-step (Ctrl+6)"),
                           tr("How long can each cell remember: the final score over a parameter such as the lag (Ctrl+7)")};
    for (int page = 0; page < m_pages->count(); ++page) {
        m_pages->setTabToolTip(page, tips[page]);
        auto* show = new QAction(this);
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)));
        connect(show, &QAction::triggered, m_pages, [this, page] { m_pages->setCurrentIndex(page); });
        addAction(show);
    }
    return m_pages;
}

// The comparison pauses the side panel's model (both would share the cores), runs at the
// toolbar's speed, and can lend a model's recorded step to the inspector pages.
QWidget* MainWindow::buildComparePage()
{
    m_compare = new ComparePage([this] { return m_settings->settings(); });
    connect(m_compare, &ComparePage::started, m_controller, &TrainingController::pause);
    connect(m_compare, &ComparePage::inspectRequested, this, [this](const TracePointer& trace) {
        const SnapshotPointer own = m_controller->latest();
        if (trace || own)
            m_cellPage->diagram()->setCellKind(trace ? trace->cell : own->model.cell);
        m_inspector->showExternal(trace);
    });
    m_compare->controller()->setStepsPerSecond(m_toolBar->stepsPerSecond());
    connect(m_toolBar, &TrainingToolBar::stepsPerSecondChanged, m_compare->controller(),
            &ComparisonController::setStepsPerSecond);
    return m_compare;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open model…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open model"), QString(),
                                                          tr("LSTM Lab models (*.json)"));
        if (!path.isEmpty())
            m_controller->loadModel(path);
    });
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Load trained weights to continue training or inspect them on the current data"));
    QMenu* recent = file->addMenu(tr("Open &recent"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        recent->clear();
        for (const QString& path : QSettings().value("recentModels").toStringList())
            recent->addAction(path, this, [this, path] { m_controller->loadModel(path); });
        recent->setEnabled(!recent->isEmpty());
    });
    QAction* save = file->addAction(tr("&Save model…"), this, &MainWindow::saveModel);
    save->setShortcut(QKeySequence::Save);
    file->addSeparator();
    file->addAction(tr("Open &lesson…"), m_lessons, &LessonDock::chooseFile);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* training = menuBar()->addMenu(tr("&Training"));
    training->addActions({m_toolBar->playAction(), m_toolBar->stepAction(), m_toolBar->resetAction()});
    buildViewMenu(this, m_zoom, m_presentation);
    menuBar()->addMenu(m_lessons->menu());
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = help->addAction(tr("&Keyboard shortcuts"), this, [this] { showShortcutsHelp(this); });
    shortcuts->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)});
}

void MainWindow::showSnapshot(const SnapshotPointer& snapshot)
{
    m_toolBar->setRunning(snapshot->running);
    // The charts only while their page shows: redrawing hidden charts costs the views that do.
    if (m_pages->currentIndex() == 0) {
        m_loss->showSnapshot(*snapshot);
        m_predictions->showSnapshot(*snapshot);
    }
    m_cellPage->diagram()->setCellKind(snapshot->model.cell); // the right structure before any step
    m_inspector->showSnapshot(*snapshot);
    m_textSamples->showSnapshot(*snapshot);
    // Text has no prediction curve, only its accuracy (also in the status line): on a small
    // screen the text the model writes takes the chart's place.
    m_predictions->setVisible(!snapshot->textSample || height() >= 900);
    m_status->showSnapshot(*snapshot);
    // Snapshots show and clear their own notices; an error about a file stays until replaced.
    if (snapshot->diverged || !snapshot->message.isEmpty()) {
        m_banner->showMessage(snapshot->message, snapshot->diverged ? snapshot->lastGoodStep : -1);
        m_bannerFromSnapshot = true;
    } else if (m_bannerFromSnapshot) {
        m_banner->hide();
        m_bannerFromSnapshot = false;
    }
}

void MainWindow::applySettings(const SessionSettings& settings)
{
    m_settings->setSettings(settings);
    const bool ask = std::exchange(m_askBeforeRebuild, false); // asked for by name: no question
    rebuild(settings);
    m_askBeforeRebuild = ask;
}

void MainWindow::rebuild(const SessionSettings& settings)
{
    if (m_askBeforeRebuild && (m_controller->currentStep() > 0 || m_holdsLoadedWeights)) {
        QMessageBox question(QMessageBox::Question, tr("Start a new model?"),
                             tr("This change needs a new model; the training so far will be lost."),
                             QMessageBox::Ok | QMessageBox::Cancel, this);
        auto* dontAsk = new QCheckBox(tr("Don't ask again"));
        question.setCheckBox(dontAsk);
        if (question.exec() != QMessageBox::Ok) {
            m_settings->setSettings(m_current); // back to what is running
            return;
        }
        m_askBeforeRebuild = !dontAsk->isChecked();
    }
    if (settings.source != m_current.source || settings.dataset != m_current.dataset)
        playAtRecommendedSpeed(settings);
    m_current = settings;
    m_holdsLoadedWeights = false;
    QSettings stored;
    settings.save(stored);
    m_controller->rebuild(settings);
}

// A built-in data set plays at its classroom speed, a CSV series as fast as possible; a text
// keeps the speed the user set.
void MainWindow::playAtRecommendedSpeed(const SessionSettings& settings)
{
    if (settings.source == DataSource::Generator)
        m_toolBar->setStepsPerSecond(lstm::recommendedSettings(settings.dataset.toStdString()).classroomSpeed);
    else if (settings.source == DataSource::Csv)
        m_toolBar->setStepsPerSecond(lstm::recommendedForSeries().classroomSpeed);
}

void MainWindow::resetTraining()
{
    m_holdsLoadedWeights = false;
    m_current = m_settings->settings();
    m_controller->rebuild(m_current);
}

void MainWindow::saveModel()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save model"), QString(), tr("LSTM Lab models (*.json)"));
    if (!path.isEmpty())
        m_controller->saveModel(path);
}

void MainWindow::showError(const QString& message)
{
    m_banner->showMessage(message, -1);
    m_bannerFromSnapshot = false;
}

void MainWindow::rememberRecentModel(const QString& path)
{
    QSettings stored;
    QStringList recent = stored.value("recentModels").toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    stored.setValue("recentModels", recent.mid(0, 8));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings stored;
    stored.setValue("window/geometry", saveGeometry());
    m_settings->settings().save(stored);
    QMainWindow::closeEvent(event);
}
