// When and how the training worker lets a character model write: every N steps (at steps
// 0, N, 2N, ...) and at once when the user changes the prompt, temperature or N, about 200
// characters after the prompt, drawn with a Random of its own so that sampling never changes
// the training batches. Lives on the worker thread. Not the sampling itself (TextSampler.h).
#pragma once

#include "session/SessionSettings.h"
#include "worker/TrainingSnapshot.h"

#include "nn/Network.h"
#include "nn/Random.h"

#include <cstdint>
#include <optional>

class TextSampleSchedule {
public:
    static constexpr int sampleLength = 200; // characters written after the prompt

    // A new model: forgets the last sample; samples only when `enabled` (text data).
    void reset(const TextSampling& sampling, std::uint64_t seed, bool enabled);
    void setSampling(const TextSampling& sampling); // the next update() writes at once

    // Writes a new sample when one is due at this step; returns whether it did.
    bool update(const lstm::Network<float>& network, long step);
    const std::optional<TextSample>& latest() const { return m_latest; }

private:
    TextSampling m_sampling;
    lstm::Random m_random{1};
    bool m_enabled = false;
    bool m_due = true;
    long m_lastStep = -1;
    std::optional<TextSample> m_latest;
};
