#include "training/Parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace lstm {

void forEachInParallel(int threads, std::size_t count, const std::function<bool(std::size_t)>& job)
{
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t k = next++; k < count; k = next++)
            if (!job(k))
                return;
    };
    const int helpers = int(std::min<std::size_t>(std::size_t(std::max(1, threads)), count)) - 1;
    std::vector<std::thread> pool;
    for (int t = 0; t < helpers; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread& thread : pool)
        thread.join();
}

} // namespace lstm
