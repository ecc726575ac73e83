// The engine's only source of randomness: a seeded 64-bit Mersenne Twister with
// distributions written out here, so a seed gives the same numbers with any standard
// library. Not cryptographic.
#pragma once

#include <cstdint>
#include <random>

namespace lstm {

class Random {
public:
    explicit Random(std::uint64_t seed) : m_engine(seed) {}

    double uniform() { return double(m_engine() >> 11) * 0x1.0p-53; } // [0, 1)
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    double normal(); // standard normal, Box-Muller
    int integer(int count) { return static_cast<int>(uniform() * count); } // [0, count)

private:
    std::mt19937_64 m_engine;
    double m_spareNormal = 0;
    bool m_hasSpare = false;
};

} // namespace lstm
