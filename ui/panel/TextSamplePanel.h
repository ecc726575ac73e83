// What a character model writes while it learns: the newest sample, with the step it was
// written at, and the three things that steer it (prompt, temperature, how often), which
// apply at once without a new model. Shown only for text data. Not the sampling itself,
// which runs on the worker thread (TextSampleSchedule).
#pragma once

#include "session/SessionSettings.h"
#include "worker/TrainingSnapshot.h"

#include <QGroupBox>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTextEdit;

class TextSamplePanel : public QGroupBox {
    Q_OBJECT
public:
    explicit TextSamplePanel(QWidget* parent = nullptr);

    void setSampling(const TextSampling& sampling); // fills the controls without signalling
    TextSampling sampling() const;
    // Shows the snapshot's sample; the panel is visible only when the snapshot has one.
    void showSnapshot(const TrainingSnapshot& snapshot);

    QString shownText() const;         // the sample as shown, without the prompt
    long shownStep() const { return m_shown ? m_shown->step : -1; }

signals:
    void samplingChanged(const TextSampling& sampling);

private:
    void emitChange();

    bool m_filling = false;
    QLineEdit* m_prompt = nullptr;
    QDoubleSpinBox* m_temperature = nullptr;
    QSpinBox* m_every = nullptr;
    QTextEdit* m_text = nullptr;
    QLabel* m_caption = nullptr;
    std::optional<TextSample> m_shown;
};
