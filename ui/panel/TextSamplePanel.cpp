#include "panel/TextSamplePanel.h"

#include "style/ScaledFont.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTextEdit>
#include <QVBoxLayout>

namespace {

QString html(const QString& text)
{
    return text.toHtmlEscaped().replace('\n', QStringLiteral("<br>"));
}

} // namespace

TextSamplePanel::TextSamplePanel(QWidget* parent) : QGroupBox(tr("Text the model writes"), parent)
{
    m_prompt = new QLineEdit;
    m_prompt->setPlaceholderText(tr("start of a line"));
    m_prompt->setClearButtonEnabled(true);
    m_prompt->setMinimumWidth(fontMetrics().averageCharWidth() * 24);
    m_prompt->setToolTip(tr("The model reads this first, then writes what it thinks comes next. "
                            "Press Enter to apply."));
    m_temperature = new QDoubleSpinBox;
    m_temperature->setRange(0.05, 10);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(2);
    m_temperature->setKeyboardTracking(false);
    m_temperature->setToolTip(tr("Below 1 the model picks its likeliest characters (safe, repetitive); "
                                 "above 1 it takes more chances (surprising, noisier)."));
    m_every = new QSpinBox;
    m_every->setRange(1, 1'000'000);
    m_every->setKeyboardTracking(false);
    m_every->setToolTip(tr("A new sample every this many optimizer steps"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Prompt")));
    controls->addWidget(m_prompt, 1);
    controls->addSpacing(16);
    controls->addWidget(new QLabel(tr("Temperature")));
    controls->addWidget(m_temperature);
    controls->addSpacing(16);
    controls->addWidget(new QLabel(tr("New sample every")));
    controls->addWidget(m_every);
    controls->addWidget(new QLabel(tr("steps")));

    m_text = new QTextEdit;
    m_text->setReadOnly(true);
    keepScaledFont(m_text, 1.25); // text to be read from the back of the room
    m_text->setMinimumHeight(QFontMetrics(m_text->font()).lineSpacing() * 3); // grows to the whole sample where there is room
    m_text->setToolTip(tr("Grey: the prompt. Then what the model wrote, one character at a time."));
    m_caption = new QLabel;
    m_caption->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_caption);

    connect(m_prompt, &QLineEdit::editingFinished, this, [this] {
        if (m_prompt->isModified()) {
            m_prompt->setModified(false);
            emitChange();
        }
    });
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &TextSamplePanel::emitChange);
    connect(m_every, &QSpinBox::valueChanged, this, &TextSamplePanel::emitChange);
    setSampling(TextSampling{});
    hide();
}

void TextSamplePanel::setSampling(const TextSampling& sampling)
{
    m_filling = true;
    m_prompt->setText(sampling.prompt);
    m_prompt->setModified(false);
    m_temperature->setValue(sampling.temperature);
    m_every->setValue(sampling.every);
    m_filling = false;
}

TextSampling TextSamplePanel::sampling() const
{
    return {m_every->value(), m_temperature->value(), m_prompt->text()};
}

void TextSamplePanel::emitChange()
{
    if (!m_filling)
        emit samplingChanged(sampling());
}

void TextSamplePanel::showSnapshot(const TrainingSnapshot& snapshot)
{
    setVisible(snapshot.textSample.has_value());
    if (!snapshot.textSample)
        return;
    const TextSample& sample = *snapshot.textSample;
    if (m_shown && m_shown->step == sample.step && m_shown->text == sample.text && m_shown->prompt == sample.prompt &&
        m_shown->error == sample.error)
        return; // the same sample: no new layout 30 times a second
    m_shown = sample;
    // The prompt halfway between text and background: readable, yet plainly not the model's.
    const QColor text = palette().color(QPalette::Text), base = palette().color(QPalette::Base);
    const QString grey = QColor((text.red() + base.red()) / 2, (text.green() + base.green()) / 2,
                                (text.blue() + base.blue()) / 2).name();
    m_text->setHtml(QStringLiteral("<div style=\"white-space: pre-wrap\"><span style=\"color:%1\">%2</span>%3</div>")
                        .arg(grey, html(sample.prompt), html(sample.text)));
    if (!sample.error.isEmpty())
        m_caption->setText(QStringLiteral("<span style=\"color:#b00020\">%1</span>").arg(html(sample.error)));
    else
        m_caption->setText(tr("Written at step %1, temperature %2").arg(sample.step).arg(sample.temperature));
}

QString TextSamplePanel::shownText() const
{
    return m_shown ? m_shown->text : QString();
}
