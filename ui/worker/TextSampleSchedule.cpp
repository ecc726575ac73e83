#include "worker/TextSampleSchedule.h"

#include "text/TextSampler.h"

#include <algorithm>
#include <stdexcept>

void TextSampleSchedule::reset(const TextSampling& sampling, std::uint64_t seed, bool enabled)
{
    m_sampling = sampling;
    m_random = lstm::Random(seed + 2); // the trainer's batches draw from seed + 1
    m_enabled = enabled;
    m_due = true;
    m_lastStep = -1;
    m_latest.reset();
}

void TextSampleSchedule::setSampling(const TextSampling& sampling)
{
    m_sampling = sampling;
    m_due = true;
}

bool TextSampleSchedule::update(const lstm::Network<float>& network, long step)
{
    const bool scheduled = step != m_lastStep && step % std::max(1, m_sampling.every) == 0;
    if (!m_enabled || !(m_due || scheduled) || !lstm::canSampleText(network))
        return false;
    m_due = false;
    m_lastStep = step;
    TextSample sample;
    sample.step = step;
    sample.temperature = m_sampling.temperature;
    // Without a prompt the model starts a line, or, in a text without line breaks, at the
    // first character of its vocabulary.
    const std::vector<std::string>& vocabulary = network.config().vocabulary;
    const bool hasNewline = std::find(vocabulary.begin(), vocabulary.end(), "\n") != vocabulary.end();
    const std::string prompt = !m_sampling.prompt.isEmpty() ? m_sampling.prompt.toStdString()
                               : hasNewline                 ? std::string("\n")
                                                            : vocabulary.front();
    sample.prompt = m_sampling.prompt; // as the user wrote it: empty for the start of a line
    try {
        const lstm::SampleOptions options{prompt, sampleLength, m_sampling.temperature};
        sample.text = QString::fromStdString(lstm::sampleText(network, options, m_random));
    } catch (const std::exception& error) { // a prompt character the text never uses
        sample.error = QString::fromUtf8(error.what());
    }
    m_latest = std::move(sample);
    return true;
}
