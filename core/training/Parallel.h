// The one way the engine spreads independent jobs over cores: a comparison's runs between two
// evaluations, a sweep's models. Not a thread pool that outlives the call.
#pragma once

#include <cstddef>
#include <functional>

namespace lstm {

// Calls job(k) for every k in [0, count) on at most `threads` threads, this one among them,
// each taking the next k not yet taken, and waits for all. A job that returns false ends its
// thread's share; the other threads go on.
void forEachInParallel(int threads, std::size_t count, const std::function<bool(std::size_t)>& job);

} // namespace lstm
