#include "classroom/LessonPanel.h"

#include "style/ScaledFont.h"

#include <QButtonGroup>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QString spanHtml(const lstm::TextSpan& span)
{
    const QString text = QString::fromStdString(span.text).toHtmlEscaped();
    if (span.action >= 0)
        return QStringLiteral("<a href=\"action:%1\">%2</a>").arg(span.action).arg(text);
    switch (span.style) {
    case lstm::TextSpan::Style::Bold:
        return QStringLiteral("<b>%1</b>").arg(text);
    case lstm::TextSpan::Style::Italic:
        return QStringLiteral("<i>%1</i>").arg(text);
    case lstm::TextSpan::Style::Code:
        return QStringLiteral("<code>%1</code>").arg(text);
    case lstm::TextSpan::Style::Plain:
        break;
    }
    return text;
}

// A choice's text, wrapped; a click on it picks its radio button.
class ChoiceLabel : public QLabel {
public:
    ChoiceLabel(const QString& text, QRadioButton* button) : QLabel(text), m_button(button)
    {
        setWordWrap(true);
        setTextFormat(Qt::PlainText);
    }

protected:
    void mousePressEvent(QMouseEvent* event) override
    {
        m_button->setChecked(true);
        QLabel::mousePressEvent(event);
    }

private:
    QRadioButton* m_button;
};

} // namespace

LessonPanel::LessonPanel(QWidget* parent) : QWidget(parent)
{
    setMinimumWidth(fontMetrics().averageCharWidth() * 36); // a readable line, even when squeezed
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_title = new QLabel;
    m_title->setWordWrap(true);
    keepScaledFont(m_title, 1.25, true);
    auto* close = new QToolButton;
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close the lesson"));
    connect(close, &QToolButton::clicked, this, &LessonPanel::closeRequested);
    top->addWidget(m_title, 1);
    top->addWidget(close, 0, Qt::AlignTop);
    layout->addLayout(top);
    m_progress = new QLabel;
    m_progress->setWordWrap(true);
    layout->addWidget(m_progress);

    // The step scrolls as one column: text, the question where the lesson asks it, text.
    auto* step = new QWidget;
    auto* stepLayout = new QVBoxLayout(step);
    stepLayout->setContentsMargins(0, 0, 0, 0);
    m_textBefore = textLabel();
    m_textAfter = textLabel();
    stepLayout->addWidget(m_textBefore);
    stepLayout->addWidget(buildQuestion());
    stepLayout->addWidget(m_textAfter);
    stepLayout->addStretch();
    auto* scroll = new QScrollArea;
    scroll->setWidget(step);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(scroll, 1);

    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_problem->hide();
    layout->addWidget(m_problem);

    auto* buttons = new QHBoxLayout;
    m_back = new QPushButton(tr("◀ Back"));
    m_next = new QPushButton(tr("Next ▶"));
    connect(m_back, &QPushButton::clicked, this, [this] { showStep(m_step - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showStep(m_step + 1); });
    buttons->addWidget(m_back);
    buttons->addStretch();
    buttons->addWidget(m_next);
    layout->addLayout(buttons);
}

QLabel* LessonPanel::textLabel()
{
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    connect(label, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link.startsWith(QLatin1String("action:")))
            followLink(link.mid(7).toInt());
    });
    return label;
}

QWidget* LessonPanel::buildQuestion()
{
    m_question = new QGroupBox(tr("Predict, then run"));
    auto* layout = new QVBoxLayout(m_question);
    m_prompt = new QLabel;
    m_prompt->setWordWrap(true);
    layout->addWidget(m_prompt);
    m_choiceLayout = new QVBoxLayout;
    layout->addLayout(m_choiceLayout);
    m_answer = new QLabel;
    m_answer->setWordWrap(true);
    layout->addWidget(m_answer);
    m_choices = new QButtonGroup(this);
    return m_question;
}

void LessonPanel::setLesson(const lstm::Lesson& lesson)
{
    m_lesson = lesson;
    m_title->setText(QString::fromStdString(lesson.title));
    m_title->setToolTip(QString::fromStdString(lesson.summary));
    showStep(0);
}

void LessonPanel::showStep(int index)
{
    if (m_lesson.steps.empty())
        return;
    m_step = std::clamp(index, 0, int(m_lesson.steps.size()) - 1);
    const lstm::LessonStep& step = m_lesson.steps[size_t(m_step)];
    m_progress->setText(tr("Step %1 of %2: <b>%3</b>")
                            .arg(m_step + 1)
                            .arg(m_lesson.steps.size())
                            .arg(QString::fromStdString(step.title).toHtmlEscaped()));
    const size_t split = step.question ? size_t(step.question->position) : step.paragraphs.size();
    m_textBefore->setText(paragraphsHtml(0, split));
    m_textAfter->setText(paragraphsHtml(split, step.paragraphs.size()));
    m_textBefore->setVisible(split > 0);
    m_textAfter->setVisible(split < step.paragraphs.size());
    showQuestion(step);
    m_problem->hide();
    m_back->setEnabled(m_step > 0);
    m_next->setEnabled(m_step + 1 < int(m_lesson.steps.size()));
}

void LessonPanel::followLink(int index)
{
    if (m_lesson.steps.empty())
        return;
    const auto& actions = m_lesson.steps[size_t(m_step)].actions;
    if (index < 0 || index >= int(actions.size()))
        return;
    m_problem->hide();
    emit actionRequested(actions[size_t(index)]);
}

QString LessonPanel::paragraphsHtml(size_t first, size_t end) const
{
    QString html;
    const lstm::LessonStep& step = m_lesson.steps[size_t(m_step)];
    for (size_t k = first; k < end; ++k) {
        html += QStringLiteral("<p>");
        for (const lstm::TextSpan& span : step.paragraphs[k])
            html += spanHtml(span);
        html += QStringLiteral("</p>");
    }
    return html;
}

void LessonPanel::showQuestion(const lstm::LessonStep& step)
{
    for (QAbstractButton* button : m_choices->buttons())
        m_choices->removeButton(button);
    while (QLayoutItem* row = m_choiceLayout->takeAt(0)) {
        delete row->widget();
        delete row;
    }
    m_answer->clear();
    m_question->setVisible(step.question.has_value());
    if (!step.question)
        return;
    m_prompt->setText(QString::fromStdString(step.question->prompt));
    int id = 0;
    for (const lstm::Choice& choice : step.question->choices) {
        // A radio button does not wrap its text: a wrapping label beside it does, and a
        // click on the label picks the choice too.
        auto* row = new QWidget;
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto* button = new QRadioButton;
        auto* label = new ChoiceLabel(QString::fromStdString(choice.text), button);
        rowLayout->addWidget(button, 0, Qt::AlignTop);
        rowLayout->addWidget(label, 1);
        m_choices->addButton(button, id++);
        m_choiceLayout->addWidget(row);
    }
    m_answer->setText(tr("Choose what you expect, then run."));
}

void LessonPanel::checkAnswer(const LiveLookup& lookup)
{
    if (m_lesson.steps.empty())
        return;
    const lstm::LessonStep& step = m_lesson.steps[size_t(m_step)];
    if (!step.question)
        return;
    QStringList right;
    const auto& choices = step.question->choices;
    for (size_t k = 0; k < choices.size(); ++k) {
        const bool holds = choices[k].condition && choices[k].condition->holds(lookup);
        auto* label = m_choices->button(int(k))->parentWidget()->findChild<ChoiceLabel*>();
        label->setText(QString::fromStdString(choices[k].text) + (holds ? QStringLiteral("  ✓") : QString()));
        if (holds)
            right << QString::fromStdString(choices[k].text);
    }
    const int picked = m_choices->checkedId();
    QString verdict;
    if (right.isEmpty())
        verdict = tr("None of the choices holds yet: let it run on, or read the charts.");
    else if (picked < 0)
        verdict = tr("What happened: %1.").arg(right.join(QStringLiteral("; ")));
    else
        verdict = right.contains(QString::fromStdString(choices[size_t(picked)].text))
                      ? tr("Your prediction was right.")
                      : tr("Not what you predicted: %1.").arg(right.join(QStringLiteral("; ")));
    // The numbers themselves, so that "right" can be checked by eye.
    QStringList values;
    std::string comparedModel; // a question about compared models counts the comparison's steps
    for (const lstm::Choice& choice : choices) {
        if (!choice.condition)
            continue;
        if (comparedModel.empty())
            comparedModel = choice.condition->model;
        const std::string& quantity = choice.condition->quantity;
        const std::string& model = choice.condition->model;
        const QString name = QString::fromStdString(model.empty() ? quantity : quantity + " of " + model);
        const std::optional<double> value = lookup(quantity, model);
        const QString line = name + QStringLiteral(" ") + (value ? QString::number(*value, 'g', 4) : tr("not known yet"));
        if (!values.contains(line))
            values << line;
    }
    if (const std::optional<double> step = lookup("step", comparedModel))
        values << tr("at step %1").arg(qlonglong(*step));
    m_answer->setText(verdict + QStringLiteral("<br>") + tr("Now: %1.").arg(values.join(QStringLiteral(", "))));
}

void LessonPanel::showProblem(const QString& problem)
{
    m_problem->setText(tr("This link could not run: %1.").arg(problem));
    m_problem->show();
}

QString LessonPanel::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}
