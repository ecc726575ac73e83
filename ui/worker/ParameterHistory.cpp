#include "worker/ParameterHistory.h"

#include <cmath>

namespace {

// Which group a tensor belongs to, and that group's layer.
std::pair<std::string, int> groupOf(const std::string& tensor)
{
    const size_t mark = tensor.rfind("_l");
    int layer = -1;
    std::string stem = tensor;
    if (mark != std::string::npos && mark + 2 < tensor.size() &&
        tensor.find_first_not_of("0123456789", mark + 2) == std::string::npos) {
        layer = std::stoi(tensor.substr(mark + 2));
        stem = tensor.substr(0, mark);
    }
    const std::string suffix = layer >= 0 ? "_l" + std::to_string(layer) : "";
    if (stem == "bias_ih" || stem == "bias_hh")
        return {"bias" + suffix, layer};
    if (stem.rfind("peephole_", 0) == 0)
        return {"peephole" + suffix, layer};
    if (tensor.rfind("head.", 0) == 0)
        return {"head", -1};
    return {tensor, layer};
}

} // namespace

void ParameterHistory::clear()
{
    m_layout.clear();
    m_groups.clear();
    m_members.clear();
    m_gradientNorms.clear();
    m_updateRatios.clear();
}

bool ParameterHistory::sameLayout(const std::vector<lstm::TensorStats>& tensors) const
{
    if (tensors.size() != m_layout.size())
        return false;
    for (size_t k = 0; k < tensors.size(); ++k)
        if (tensors[k].name != m_layout[k])
            return false;
    return true;
}

void ParameterHistory::buildGroups(const std::vector<lstm::TensorStats>& tensors)
{
    clear();
    for (size_t k = 0; k < tensors.size(); ++k) {
        m_layout.push_back(tensors[k].name);
        const auto [name, layer] = groupOf(tensors[k].name);
        size_t g = 0;
        while (g < m_groups.size() && m_groups[g].name != name)
            ++g;
        if (g == m_groups.size()) {
            m_groups.push_back({name, layer, {}});
            m_members.emplace_back();
        }
        m_groups[g].tensors.push_back(tensors[k].name);
        m_members[g].push_back(k);
    }
    m_gradientNorms.resize(m_groups.size());
    m_updateRatios.resize(m_groups.size());
}

void ParameterHistory::add(double step, const std::vector<lstm::TensorStats>& tensors)
{
    if (!sameLayout(tensors))
        buildGroups(tensors);
    for (size_t g = 0; g < m_groups.size(); ++g) {
        double gradient = 0, weight = 0, update = 0;
        for (size_t k : m_members[g]) {
            const lstm::TensorStats& tensor = tensors[k];
            gradient += tensor.gradientNorm * tensor.gradientNorm;
            weight += tensor.weightNorm * tensor.weightNorm;
            const double change = tensor.updateRatio * tensor.weightNorm;
            update += change * change;
        }
        const double ratio = weight > 0 ? std::sqrt(update / weight) : 0.0;
        if (std::isfinite(gradient))
            m_gradientNorms[g].append(step, std::sqrt(gradient));
        if (std::isfinite(ratio))
            m_updateRatios[g].append(step, ratio);
    }
}

ParameterCurves ParameterHistory::curves(int buckets) const
{
    ParameterCurves out;
    out.reserve(m_groups.size());
    for (size_t g = 0; g < m_groups.size(); ++g)
        out.push_back({m_groups[g], m_gradientNorms[g].decimated(buckets), m_updateRatios[g].decimated(buckets)});
    return out;
}
