#include "AllocationCounter.h"

#include <cstdlib>

#if defined(__SANITIZE_ADDRESS__)

namespace testing {
bool AllocationCounter::available() { return false; }
void AllocationCounter::start() {}
std::size_t AllocationCounter::stop() { return 0; }
} // namespace testing

#else

namespace {
thread_local bool counting = false;
thread_local std::size_t allocations = 0;

void noteAllocation()
{
    if (counting)
        ++allocations;
}
} // namespace

// glibc exports its allocator under these names, so ours can count and forward. Every
// C++ new, Eigen's aligned_malloc and std containers end up in one of them.
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);

void* malloc(std::size_t size)
{
    noteAllocation();
    return __libc_malloc(size);
}
void* calloc(std::size_t count, std::size_t size)
{
    noteAllocation();
    return __libc_calloc(count, size);
}
void* realloc(void* pointer, std::size_t size)
{
    noteAllocation();
    return __libc_realloc(pointer, size);
}
void* memalign(std::size_t alignment, std::size_t size)
{
    noteAllocation();
    return __libc_memalign(alignment, size);
}
void* aligned_alloc(std::size_t alignment, std::size_t size)
{
    noteAllocation();
    return __libc_memalign(alignment, size);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t size)
{
    noteAllocation();
    *out = __libc_memalign(alignment, size);
    return *out ? 0 : 12; // ENOMEM
}
}

namespace testing {
bool AllocationCounter::available() { return true; }
void AllocationCounter::start()
{
    allocations = 0;
    counting = true;
}
std::size_t AllocationCounter::stop()
{
    counting = false;
    return allocations;
}
} // namespace testing

#endif
