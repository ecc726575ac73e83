// Counts heap allocations made by this thread between start() and stop(), by wrapping
// glibc's malloc, calloc, realloc and aligned allocators. Under AddressSanitizer the
// sanitizer owns malloc, so counting is unavailable there (available() is false).
#pragma once

#include <cstddef>

namespace testing {

class AllocationCounter {
public:
    static bool available();
    void start();
    std::size_t stop(); // allocations since start()
};

} // namespace testing
