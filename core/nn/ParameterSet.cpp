#include "nn/ParameterSet.h"

namespace lstm {

int ParameterLayout::add(const std::string& name, int rows, int cols)
{
    m_tensors.push_back({name, rows, cols, false, m_total});
    m_total += Eigen::Index(rows) * cols;
    return static_cast<int>(m_tensors.size()) - 1;
}

int ParameterLayout::addVector(const std::string& name, int size)
{
    const int id = add(name, size, 1);
    m_tensors.back().vector = true;
    return id;
}

int ParameterLayout::find(const std::string& name) const
{
    for (size_t i = 0; i < m_tensors.size(); ++i)
        if (m_tensors[i].name == name)
            return static_cast<int>(i);
    return -1;
}

bool ParameterLayout::operator==(const ParameterLayout& other) const
{
    if (m_tensors.size() != other.m_tensors.size())
        return false;
    for (size_t i = 0; i < m_tensors.size(); ++i) {
        const TensorInfo& a = m_tensors[i];
        const TensorInfo& b = other.m_tensors[i];
        if (a.name != b.name || a.rows != b.rows || a.cols != b.cols || a.vector != b.vector)
            return false;
    }
    return true;
}

} // namespace lstm
