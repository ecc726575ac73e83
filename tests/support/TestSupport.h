// Helpers shared by the test suites: fixture paths, JSON to Eigen, and one QCOMPARE-like
// check for matrices that reports the worst element.
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include <QString>

#include <string>

namespace testing {

std::string fixturePath(const std::string& relative);
nlohmann::json readJson(const std::string& path);
std::string readText(const std::string& path);

// A nested JSON array read into a matrix: [r][c] -> (r, c); a flat array -> (n, 1).
Eigen::MatrixXd matrixFromJson(const nlohmann::json& value);
// [a][b][c] -> a matrix (c, a*b) with column a_index*B + b_index: the engine's t*B + b layout.
Eigen::MatrixXd stackedFromJson(const nlohmann::json& value);

// Empty when |actual - expected| <= tolerance everywhere, else a message naming the worst element.
QString compareMatrices(const Eigen::MatrixXd& actual, const Eigen::MatrixXd& expected, double tolerance);

} // namespace testing

// Fails the test with the worst element when the matrices differ by more than the tolerance.
#define LSTM_COMPARE_MATRICES(actual, expected, tolerance)                                          \
    do {                                                                                              \
        const QString problem_ = testing::compareMatrices((actual), (expected), (tolerance));         \
        QVERIFY2(problem_.isEmpty(), qPrintable(QStringLiteral(#actual ": ") + problem_));            \
    } while (false)
