// Lesson files: a well-formed lesson reads into its steps, links, questions and claims; every
// kind of mistake is refused with the line it is on; live conditions compare as written;
// claims pass and fail on what training really does; every lesson that ships reads.
#include "TestSupport.h"

#include "lessons/ClaimCheck.h"
#include "lessons/LessonLibrary.h"
#include "lessons/LessonParser.h"

#include <QTest>

using namespace lstm;

namespace {

const char* const wellFormed = R"(# A small lesson

summary: One line about it.
claim: dataset=remember-first lag=3 cell=lstm hidden=8 expect=solved

## First step
Some **bold** and *italic* text with `code`,
continued on a second line. [Set it up](setup dataset=remember-first lag=3 cell=rnn lr=0.003)

[Play until 50](play until=50) then [open the cell](page name=cell).

## A question
? Will it be solved?
- Yes | score >= 1
- No | score@lstm < 0.5
- Who knows
)";

// The line a broken lesson is refused at, or 0 when it reads; -1 when the message does not
// start with the file and that line.
int errorLine(const std::string& text)
{
    try {
        parseLesson(text, "broken", "broken.lesson");
    } catch (const LessonError& error) {
        const std::string start = "broken.lesson, line " + std::to_string(error.line()) + ": ";
        return std::string(error.what()).rfind(start, 0) == 0 ? error.line() : -1;
    }
    return 0;
}

Claim claimOf(const std::string& line)
{
    return parseLesson("# t\nclaim: " + line + "\n## s\n", "t", "t.lesson").claims.at(0);
}

} // namespace

class LessonsTest : public QObject {
    Q_OBJECT
private slots:
    void aWellFormedLessonReads();
    void mistakesNameTheirLine_data();
    void mistakesNameTheirLine();
    void liveConditionsCompareAsWritten();
    void claimsPassAndFailOnWhatTrainingDoes();
    void everyShippedLessonReads();
};

void LessonsTest::aWellFormedLessonReads()
{
    const Lesson lesson = parseLesson(wellFormed, "small", "small.lesson");
    QCOMPARE(lesson.title, std::string("A small lesson"));
    QCOMPARE(lesson.summary, std::string("One line about it."));
    QCOMPARE(lesson.claims.size(), size_t(1));
    const Claim& claim = lesson.claims.front();
    QCOMPARE(claim.line, 4);
    QCOMPARE(claim.setup.dataset, std::string("remember-first"));
    QCOMPARE(claim.setup.parameters.at("lag"), 3.0);
    QCOMPARE(claim.setup.options.size(), size_t(2)); // cell and hidden
    QVERIFY(claim.expectation.kind == ClaimExpectation::Kind::Solved);
    QCOMPARE(settingsFor(claim.setup).model.hiddenSize, 8);
    QCOMPARE(settingsFor(claim.setup).train.learningRate, recommendedSettings("remember-first").train.learningRate);

    QCOMPARE(lesson.steps.size(), size_t(2));
    const LessonStep& first = lesson.steps.front();
    QCOMPARE(first.title, std::string("First step"));
    QCOMPARE(first.line, 6);
    QCOMPARE(first.paragraphs.size(), size_t(2));
    const Paragraph& text = first.paragraphs.front();
    QCOMPARE(text.at(0).text, std::string("Some "));
    QCOMPARE(text.at(1).text, std::string("bold"));
    QVERIFY(text.at(1).style == TextSpan::Style::Bold);
    QVERIFY(text.at(3).style == TextSpan::Style::Italic);
    QVERIFY(text.at(5).style == TextSpan::Style::Code);
    QCOMPARE(text.back().text, std::string("Set it up"));
    QCOMPARE(text.back().action, 0);
    QVERIFY(text.at(6).text.find("continued on a second line.") != std::string::npos); // lines join with a space
    QCOMPARE(first.actions.size(), size_t(3));
    QCOMPARE(first.actions[0].verb, std::string("setup"));
    QCOMPARE(first.actions[0].arguments.at("lr"), std::string("0.003"));
    QCOMPARE(first.actions[0].line, 7);
    QCOMPARE(first.actions[1].arguments.at("until"), std::string("50"));
    QCOMPARE(first.actions[2].line, 10);

    const Question& question = *lesson.steps.back().question;
    QCOMPARE(question.prompt, std::string("Will it be solved?"));
    QCOMPARE(question.position, 0); // before any text of its step
    QCOMPARE(question.choices.size(), size_t(3));
    QCOMPARE(question.choices[1].condition->model, std::string("lstm"));
    QVERIFY(!question.choices[2].condition);
}

void LessonsTest::mistakesNameTheirLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::newRow("no title") << "\nsummary: x\n" << 2;
    QTest::newRow("empty file") << "" << 1;
    QTest::newRow("no steps") << "# T\nsummary: x\n" << 3;
    QTest::newRow("stray header line") << "# T\n\nhello\n## s\n" << 3;
    QTest::newRow("unknown verb") << "# T\n## s\ntext\nmore [x](jump t=1)\n" << 3;
    QTest::newRow("unknown page") << "# T\n## s\n[x](page name=nowhere)\n" << 3;
    QTest::newRow("bad trace") << "# T\n## s\n[x](trace t=-1)\n" << 3;
    QTest::newRow("unknown parameter") << "# T\n## s\n\n[x](setup dataset=sine lag=5)\n" << 4;
    QTest::newRow("parameter out of range") << "# T\n## s\n[x](setup dataset=remember-first lag=0)\n" << 3;
    QTest::newRow("unknown data set") << "# T\nclaim: dataset=nothing expect=solved\n## s\n" << 2;
    QTest::newRow("claim without expect") << "# T\nclaim: dataset=sine\n## s\n" << 2;
    QTest::newRow("bad expectation") << "# T\nclaim: dataset=sine expect=perfect\n## s\n" << 2;
    QTest::newRow("bad setting value") << "# T\nclaim: dataset=sine lr=fast expect=solved\n## s\n" << 2;
    QTest::newRow("file outside datasets") << "# T\n## s\n[x](setup file=../secret.csv)\n" << 3;
    QTest::newRow("one choice") << "# T\n## s\n? Q\n- only | score > 0\n" << 3;
    QTest::newRow("no answer") << "# T\n## s\n? Q\n- a\n- b\n" << 3;
    QTest::newRow("bad condition") << "# T\n## s\n? Q\n- a | speed > 3\n- b\n" << 4;
    QTest::newRow("two questions") << "# T\n## s\n? Q\n- a | step > 1\n- b\n\n? R\n" << 7;
    QTest::newRow("unclosed bold") << "# T\n## s\nfine\n\nnot **fine\nat all\n" << 5;
    QTest::newRow("unclosed bold at the end") << "# T\n## s\nnot **fine" << 3;
}

void LessonsTest::mistakesNameTheirLine()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QCOMPARE(errorLine(text.toStdString()), line);
}

void LessonsTest::liveConditionsCompareAsWritten()
{
    const auto values = [](const std::string& quantity, const std::string& model) -> std::optional<double> {
        if (quantity == "score")
            return model == "rnn" ? 0.25 : 1.0;
        return std::nullopt; // no loss known
    };
    QVERIFY(parseLiveCondition("score >= 1").holds(values));
    QVERIFY(!parseLiveCondition("score > 1").holds(values));
    QVERIFY(parseLiveCondition("score@rnn<0.3").holds(values));
    QVERIFY(!parseLiveCondition("score@rnn >= 0.3").holds(values));
    QVERIFY(!parseLiveCondition("loss < 100").holds(values)); // a value the app lacks never holds
    QCOMPARE(parseLiveCondition("score@lstm >= 0.99").text(), std::string("score@lstm >= 0.99"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseLiveCondition("score@elephant > 1"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseLiveCondition("score > high"));
}

void LessonsTest::claimsPassAndFailOnWhatTrainingDoes()
{
    const ClaimResult solved = checkClaim(claimOf("dataset=remember-first lag=3 cell=lstm expect=solved"));
    QVERIFY2(solved.passed, solved.measured.c_str());
    QVERIFY2(solved.measured.rfind("solved at step ", 0) == 0, solved.measured.c_str());
    // The same training, expected to fail, fails.
    const ClaimResult notSolved = checkClaim(claimOf("dataset=remember-first lag=3 cell=lstm expect=not-solved"));
    QVERIFY(!notSolved.passed);
    QCOMPARE(notSolved.measured, solved.measured);
    // A budget too short to learn anything: the score stays low, and says so.
    const ClaimResult tooShort = checkClaim(claimOf("dataset=remember-first lag=3 steps=100 expect=score>=0.99"));
    QVERIFY(!tooShort.passed);
    QVERIFY2(tooShort.measured.find("of 100") != std::string::npos, tooShort.measured.c_str());
    const ClaimResult loss = checkClaim(claimOf("dataset=sine steps=50 expect=loss<=0.000001"));
    QVERIFY(!loss.passed);
    QVERIFY2(loss.measured.rfind("best validation loss ", 0) == 0, loss.measured.c_str());
}

void LessonsTest::everyShippedLessonReads()
{
    const std::vector<std::string> files = lessonFiles(LSTM_LAB_LESSONS);
    QVERIFY(files.size() >= 6);
    for (const std::string& file : files) {
        const Lesson lesson = readLessonFile(file);
        QVERIFY2(!lesson.steps.empty() && !lesson.summary.empty(), file.c_str());
        QCOMPARE(findLesson(lesson.name, LSTM_LAB_LESSONS), file);
    }
}

QTEST_GUILESS_MAIN(LessonsTest)
#include "tst_lessons.moc"
