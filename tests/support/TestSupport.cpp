#include "TestSupport.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace testing {

std::string fixturePath(const std::string& relative)
{
    return std::string(LSTM_LAB_FIXTURES) + "/" + relative;
}

std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

nlohmann::json readJson(const std::string& path)
{
    return nlohmann::json::parse(readText(path));
}

Eigen::MatrixXd matrixFromJson(const nlohmann::json& value)
{
    if (value.empty())
        return {};
    if (!value.front().is_array()) {
        Eigen::MatrixXd out(Eigen::Index(value.size()), 1);
        for (size_t r = 0; r < value.size(); ++r)
            out(Eigen::Index(r), 0) = value[r].get<double>();
        return out;
    }
    Eigen::MatrixXd out(Eigen::Index(value.size()), Eigen::Index(value.front().size()));
    for (size_t r = 0; r < value.size(); ++r)
        for (size_t c = 0; c < value[r].size(); ++c)
            out(Eigen::Index(r), Eigen::Index(c)) = value[r][c].get<double>();
    return out;
}

Eigen::MatrixXd stackedFromJson(const nlohmann::json& value)
{
    const size_t outer = value.size();
    const size_t inner = value.front().size();
    const size_t features = value.front().front().size();
    Eigen::MatrixXd out(Eigen::Index(features), Eigen::Index(outer * inner));
    for (size_t a = 0; a < outer; ++a)
        for (size_t b = 0; b < inner; ++b)
            for (size_t f = 0; f < features; ++f)
                out(Eigen::Index(f), Eigen::Index(a * inner + b)) = value[a][b][f].get<double>();
    return out;
}

QString compareMatrices(const Eigen::MatrixXd& actual, const Eigen::MatrixXd& expected, double tolerance)
{
    if (actual.rows() != expected.rows() || actual.cols() != expected.cols())
        return QStringLiteral("shape (%1, %2) but expected (%3, %4)")
            .arg(actual.rows()).arg(actual.cols()).arg(expected.rows()).arg(expected.cols());
    Eigen::Index row = 0, col = 0;
    const double worst = actual.size() ? (actual - expected).cwiseAbs().maxCoeff(&row, &col) : 0.0;
    if (worst <= tolerance)
        return {};
    return QStringLiteral("element (%1, %2) is %3 but expected %4 (difference %5 > %6)")
        .arg(row).arg(col).arg(actual(row, col), 0, 'g', 17).arg(expected(row, col), 0, 'g', 17)
        .arg(worst, 0, 'g', 3).arg(tolerance, 0, 'g', 3);
}

} // namespace testing
