// A lesson beside the views: its title, "step k of n", the step's text with its action links,
// a "predict, then run" question where the lesson puts it, and Back and Next. A link asks
// for its action (the LessonDock carries it out); after a run the question is checked
// against the live values.
#pragma once

#include "lessons/Lesson.h"

#include <QWidget>

#include <functional>
#include <optional>

class QButtonGroup;
class QGroupBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

using LiveLookup = std::function<std::optional<double>(const std::string& quantity, const std::string& model)>;

class LessonPanel : public QWidget {
    Q_OBJECT
public:
    explicit LessonPanel(QWidget* parent = nullptr);

    void setLesson(const lstm::Lesson& lesson); // shows its first step
    const lstm::Lesson& lesson() const { return m_lesson; }
    int stepIndex() const { return m_step; }
    void showStep(int index);
    // What clicking the step's link number `index` does.
    void followLink(int index);

    // Marks which choices the live values make right and says whether the student's was.
    void checkAnswer(const LiveLookup& lookup);
    // A link that could not run, in plain words; cleared by the next step or link.
    void showProblem(const QString& problem);
    QString problem() const; // "" when none is shown

    QGroupBox* questionBox() const { return m_question; }
    QLabel* answerLabel() const { return m_answer; }
    QButtonGroup* choices() const { return m_choices; }

signals:
    void actionRequested(const lstm::LessonAction& action);
    void closeRequested();

private:
    QLabel* textLabel();
    QWidget* buildQuestion();
    QString paragraphsHtml(size_t first, size_t end) const;
    void showQuestion(const lstm::LessonStep& step);

    lstm::Lesson m_lesson;
    int m_step = 0;
    QLabel* m_title = nullptr;
    QLabel* m_progress = nullptr;
    QLabel* m_textBefore = nullptr; // the text before the question, or all of it
    QLabel* m_textAfter = nullptr;
    QGroupBox* m_question = nullptr;
    QLabel* m_prompt = nullptr;
    QVBoxLayout* m_choiceLayout = nullptr;
    QButtonGroup* m_choices = nullptr;
    QLabel* m_answer = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_back = nullptr;
    QPushButton* m_next = nullptr;
};
