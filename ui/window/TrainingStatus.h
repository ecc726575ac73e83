// The status line's account of training: the step (and epoch), the training and validation
// loss, the speed while running, and the task's score. Fills itself from each snapshot.
#pragma once

#include "worker/TrainingSnapshot.h"

#include <QWidget>

class QLabel;

class TrainingStatus : public QWidget {
    Q_OBJECT
public:
    explicit TrainingStatus(QWidget* parent = nullptr);

    void showSnapshot(const TrainingSnapshot& snapshot);

private:
    QLabel* m_step = nullptr;
    QLabel* m_loss = nullptr;
    QLabel* m_rate = nullptr;
    QLabel* m_score = nullptr;
};
