// Finite differences (double, central) against the engine's exact BPTT for every cell,
// both losses, both output positions, stacking, symbol inputs and a nonzero initial
// state, which is exactly what a truncated-BPTT window starts from.
#include "TestSupport.h"

#include "nn/GradientCheck.h"

#include <QTest>

using namespace lstm;

Q_DECLARE_METATYPE(lstm::GradientCheckCase)

class GradientCheckTest : public QObject {
    Q_OBJECT
private slots:
    void analyticMatchesNumeric_data();
    void analyticMatchesNumeric();
    void detectsAWrongGradient();
};

void GradientCheckTest::analyticMatchesNumeric_data()
{
    QTest::addColumn<GradientCheckCase>("gradientCase");
    for (const GradientCheckCase& gradientCase : standardGradientCases())
        QTest::newRow(gradientCase.name.c_str()) << gradientCase;
}

void GradientCheckTest::analyticMatchesNumeric()
{
    QFETCH(GradientCheckCase, gradientCase);
    const GradientCheckResult result = runGradientCase(gradientCase, 11);
    QVERIFY(result.checked > 50);
    QVERIFY2(result.worstRelativeError <= 1e-6,
             qPrintable(QStringLiteral("%1[%2]: analytic %3, numeric %4, relative error %5")
                            .arg(QString::fromStdString(result.worstName)).arg(result.worstIndex)
                            .arg(result.analytic, 0, 'g', 12).arg(result.numeric, 0, 'g', 12)
                            .arg(result.worstRelativeError, 0, 'g', 3)));
}

// The check itself must be able to fail: a relative error is large when values disagree.
void GradientCheckTest::detectsAWrongGradient()
{
    QVERIFY(relativeError(1.0, 1.0 + 1e-9) < 1e-6);
    QVERIFY(relativeError(1.0, 1.01) > 1e-3);
    QVERIFY(relativeError(0.0, 1e-12) < 1e-6);
}

QTEST_GUILESS_MAIN(GradientCheckTest)
#include "tst_gradient_check.moc"
