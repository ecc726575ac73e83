// All of a network's tensors in one flat, column-major buffer, addressed by PyTorch
// state_dict names. Parameters and their gradients use this same type and layout, so
// optimizers, clipping and norms work on one vector. Not a general tensor store: 1-D and
// 2-D tensors only.
#pragma once

#include "nn/Tensor.h"

#include <string>
#include <vector>

namespace lstm {

struct TensorInfo {
    std::string name;  // e.g. "weight_ih_l0", "head.bias"
    int rows = 0;
    int cols = 0;      // 1 for a 1-D tensor
    bool vector = false;
    Eigen::Index offset = 0;
    Eigen::Index size() const { return Eigen::Index(rows) * cols; }
};

// Describes the tensors without storing values, so several ParameterSets can share it.
class ParameterLayout {
public:
    int add(const std::string& name, int rows, int cols);
    int addVector(const std::string& name, int size);

    const std::vector<TensorInfo>& tensors() const { return m_tensors; }
    const TensorInfo& tensor(int id) const { return m_tensors[size_t(id)]; }
    int find(const std::string& name) const; // -1 when absent
    Eigen::Index totalSize() const { return m_total; }

    bool operator==(const ParameterLayout& other) const;

private:
    std::vector<TensorInfo> m_tensors;
    Eigen::Index m_total = 0;
};

template <typename S>
class ParameterSet {
public:
    ParameterSet() = default;
    explicit ParameterSet(const ParameterLayout& layout)
        : m_layout(layout), m_values(Vector<S>::Zero(layout.totalSize())) {}

    const ParameterLayout& layout() const { return m_layout; }
    Vector<S>& values() { return m_values; }
    const Vector<S>& values() const { return m_values; }

    MatrixMap<S> matrix(int id)
    {
        const TensorInfo& t = m_layout.tensor(id);
        return MatrixMap<S>(m_values.data() + t.offset, t.rows, t.cols);
    }
    ConstMatrixMap<S> matrix(int id) const
    {
        const TensorInfo& t = m_layout.tensor(id);
        return ConstMatrixMap<S>(m_values.data() + t.offset, t.rows, t.cols);
    }
    auto segment(int id) { return m_values.segment(m_layout.tensor(id).offset, m_layout.tensor(id).size()); }
    auto segment(int id) const { return m_values.segment(m_layout.tensor(id).offset, m_layout.tensor(id).size()); }

    void setZero() { m_values.setZero(); }

private:
    ParameterLayout m_layout;
    Vector<S> m_values;
};

} // namespace lstm
