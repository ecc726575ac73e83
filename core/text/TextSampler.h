// Writing text with a trained character-level model: the model reads the prompt, then draws
// each next character from softmax(logits / temperature) and reads it back, one step at a
// time, carrying its recurrent state. Not training, and no beam search.
//
// Temperature: 1 samples the model's own distribution; above 1 flattens it (more surprising
// text); below 1 sharpens it. As the temperature goes to 0 every character but the most
// likely one gets probability 0 (computed as exp((z - max z) / temperature), which underflows
// to exactly 0, never NaN), so a very low temperature follows the argmax (greedy) path and
// the Random is then irrelevant except to break exact ties.
//
// Size legend: V = vocabulary size.
#pragma once

#include "nn/Network.h"
#include "nn/Random.h"

#include <string>

namespace lstm {

struct SampleOptions {
    std::string prompt;       // UTF-8, at least one character, all in the model's vocabulary
    int length = 200;         // characters to write after the prompt
    double temperature = 1.0; // > 0 and finite
};

// Whether the network is a character model that sampleText can drive: symbol input,
// classification over the same symbols, and a vocabulary of single characters.
template <typename S>
bool canSampleText(const Network<S>& network);

// The `length` characters written after the prompt (the prompt itself is not repeated).
// Works on a private copy of the network, so the caller's network (and any trainer that owns
// it) is left untouched. The same Random state gives the same text. Throws TextError for an
// empty prompt or a prompt character outside the vocabulary (naming it and its position),
// std::invalid_argument for a network that cannot sample text or a bad length or temperature.
template <typename S>
std::string sampleText(const Network<S>& network, const SampleOptions& options, Random& random);

// Draws a symbol id from softmax(logits / temperature); exposed for tests. logits: (V).
int sampleSymbol(const Eigen::Ref<const Eigen::VectorXd>& logits, double temperature, Random& random);

} // namespace lstm
