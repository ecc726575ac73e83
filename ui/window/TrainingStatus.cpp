#include "window/TrainingStatus.h"

#include <QHBoxLayout>
#include <QLabel>

#include <cmath>

namespace {

QString lossText(double loss)
{
    return std::isfinite(loss) ? QString::number(loss, 'g', 4) : QStringLiteral("–");
}

} // namespace

TrainingStatus::TrainingStatus(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_step = new QLabel;
    m_loss = new QLabel;
    m_rate = new QLabel;
    m_score = new QLabel;
    for (QLabel* label : {m_step, m_loss, m_rate, m_score})
        layout->addWidget(label);
    layout->addStretch(1);
}

void TrainingStatus::showSnapshot(const TrainingSnapshot& snapshot)
{
    m_step->setText(std::isnan(snapshot.epoch) ? tr("Step %1").arg(snapshot.step)
                                               : tr("Step %1, epoch %2").arg(snapshot.step).arg(snapshot.epoch, 0, 'f', 2));
    m_loss->setText(tr("   Loss: training %1, validation %2")
                        .arg(lossText(snapshot.trainLoss), lossText(snapshot.validationLoss)));
    m_rate->setText(snapshot.running ? tr("   %1 steps/s").arg(snapshot.stepsPerSecond, 0, 'f', 0) : QString());
    m_score->setText(snapshot.score ? tr("   %1: %2%3")
                                          .arg(QString::fromStdString(snapshot.score->name))
                                          .arg(snapshot.score->value * 100, 0, 'f', 1)
                                          .arg(snapshot.score->solved ? tr("% (solved)") : QStringLiteral("%"))
                                    : QString());
}
