// The projector: zoom scales the text of widgets and charts and comes back to 100%;
// presentation mode hides what the teacher did not keep, and remembers; at 1280x720, zoomed
// to 150% in presentation mode, no label or button on any page has less room than its
// text needs; the toolbar's icons show on a dark palette.
#include "charts/LossChart.h"
#include "compare/ComparePage.h"
#include "inspector/InspectorToolBar.h"
#include "style/DarkPalette.h"
#include "style/Zoom.h"
#include "window/MainWindow.h"
#include "window/PresentationMode.h"
#include "window/TrainingToolBar.h"
#include "worker/TrainingController.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

namespace {

constexpr int timeoutMs = 60'000;

// Every label and button shown in the window that has less room than its text needs, as
// "class 'text' (width x height, needs ...)".
QStringList cramped(const QWidget& window)
{
    QStringList found;
    for (QWidget* widget : window.findChildren<QWidget*>()) {
        if (!widget->isVisibleTo(&window) || widget->window() != &window)
            continue;
        auto* label = qobject_cast<QLabel*>(widget);
        auto* button = qobject_cast<QAbstractButton*>(widget);
        if ((!label || label->text().isEmpty()) && (!button || button->text().isEmpty()))
            continue;
        const QSize need = label && label->wordWrap() ? QSize(0, label->heightForWidth(label->width()))
                                                      : widget->minimumSizeHint().expandedTo(QSize(0, 0));
        const QString text = label ? label->text() : button->text();
        if (widget->width() < need.width() || widget->height() < need.height())
            found << QStringLiteral("%1 '%2' (%3x%4, needs %5x%6)")
                         .arg(QString::fromUtf8(widget->metaObject()->className()), text.left(40))
                         .arg(widget->width())
                         .arg(widget->height())
                         .arg(need.width())
                         .arg(need.height());
    }
    return found;
}

} // namespace

class PresentationTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void zoomScalesTextAndComesBack();
    void presentationHidesWhatIsNotKept();
    void nothingIsCrampedAt150PercentOn1280x720();
    void iconsShowOnADarkPalette();
};

void PresentationTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LSTM Lab tests"));
    QSettings().clear();
}

void PresentationTest::zoomScalesTextAndComesBack()
{
    MainWindow window(SessionSettings::demo());
    const double base = QApplication::font().pointSizeF();
    const double chartTitle = window.lossChart()->chart()->titleFont().pointSizeF();
    window.zoom()->setPercent(150);
    QCOMPARE(QApplication::font().pointSizeF(), base * 1.5);
    QCOMPARE(window.lossChart()->chart()->titleFont().pointSizeF(), chartTitle * 1.5);
    QCOMPARE(window.trainingToolBar()->font().pointSizeF(), base * 1.5);
    window.zoom()->zoomIn();
    QCOMPARE(window.zoom()->percent(), 175);
    window.zoom()->setPercent(400);
    QCOMPARE(window.zoom()->percent(), Zoom::largest);
    window.zoom()->setPercent(100);
    QCOMPARE(QApplication::font().pointSizeF(), base);
    QCOMPARE(window.lossChart()->chart()->titleFont().pointSizeF(), chartTitle);
    QVERIFY(!QSettings().contains("view/zoom")); // set by the program, not by the teacher
    // The teacher's zoom (View > Zoom in) is remembered.
    for (QAction* action : window.findChildren<QAction*>())
        if (action->text() == QStringLiteral("Zoom &in"))
            action->trigger();
    QCOMPARE(window.zoom()->percent(), 125);
    QCOMPARE(QSettings().value("view/zoom").toInt(), 125);
    window.zoom()->setPercent(100);
    QSettings().clear();
}

void PresentationTest::presentationHidesWhatIsNotKept()
{
    MainWindow window(SessionSettings::demo());
    window.show();
    PresentationMode* presentation = window.presentation();
    QVERIFY(window.inspectorToolBar()->isVisible() && window.statusBar()->isVisible());
    presentation->toggleAction()->trigger(); // F5
    QVERIFY(presentation->active());
    QVERIFY(!window.inspectorToolBar()->isVisible());
    QVERIFY(!window.statusBar()->isVisible());
    QVERIFY(window.trainingToolBar()->isVisible()); // Play and the speed always stay
    QVERIFY(QSettings().value("view/presentation").toBool());
    // The teacher keeps the status line.
    for (QAction* keep : presentation->keepMenu()->actions())
        if (keep->text().contains("status"))
            keep->trigger();
    QVERIFY(presentation->keeps(QStringLiteral("status-line")));
    QVERIFY(window.statusBar()->isVisible());
    presentation->toggleAction()->trigger(); // F5 again
    QVERIFY(!presentation->active());
    QVERIFY(window.inspectorToolBar()->isVisible());
    QVERIFY(!QSettings().value("view/presentation").toBool());
    presentation->setActive(true); // as --present asks: not remembered
    QVERIFY(!QSettings().value("view/presentation").toBool());
    presentation->setActive(false);
    QSettings().clear();
}

void PresentationTest::nothingIsCrampedAt150PercentOn1280x720()
{
    MainWindow window(SessionSettings::demo());
    window.resize(1280, 720);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->latest() != nullptr, timeoutMs);
    window.controller()->step(); // a recorded step, so that the inspector pages have something
    QTRY_COMPARE_WITH_TIMEOUT(window.controller()->currentStep(), 1L, timeoutMs);
    window.presentation()->setActive(true);
    window.zoom()->setPercent(150);
    for (const QString& page : MainWindow::pageNames()) {
        window.showPage(page);
        QApplication::processEvents(); // the page's layout requests
        const QStringList problems = cramped(window);
        QVERIFY2(problems.isEmpty(), qPrintable(page + ": " + problems.join(QStringLiteral("; "))));
    }
    window.zoom()->setPercent(100);
    window.presentation()->setActive(false);
    QSettings().clear();
}

void PresentationTest::iconsShowOnADarkPalette()
{
    MainWindow window(SessionSettings::demo());
    window.trainingToolBar()->setPalette(darkPalette());
    const QImage icon = window.trainingToolBar()->playAction()->icon().pixmap(24, 24).toImage();
    double brightest = 0;
    for (int y = 0; y < icon.height(); ++y)
        for (int x = 0; x < icon.width(); ++x) {
            const QColor pixel = icon.pixelColor(x, y);
            if (pixel.alphaF() > 0.5)
                brightest = std::max(brightest, double(pixel.valueF()));
        }
    const double background = darkPalette().color(QPalette::Window).valueF();
    QVERIFY2(brightest > background + 0.5, qPrintable(QString::number(brightest)));
}

QTEST_MAIN(PresentationTest)
#include "tst_presentation.moc"
