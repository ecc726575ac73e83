#include "inspector/StepThrough.h"

#include <algorithm>

void StepThrough::reset(int steps)
{
    m_steps = std::max(0, steps);
    m_position = -1;
}

Reveal StepThrough::reveal() const
{
    if (m_position < 0)
        return {};
    if (m_position < m_steps)
        return {StepPhase::Forward, m_position};
    if (m_position < lastPosition())
        return {StepPhase::Backward, lastPosition() - 1 - m_position};
    return {StepPhase::Update, 0};
}

bool StepThrough::next()
{
    return moveTo(std::min(m_position + 1, lastPosition()));
}

bool StepThrough::previous()
{
    return m_position > 0 && moveTo(m_position - 1);
}

bool StepThrough::startBackward()
{
    return moveTo(m_steps);
}

bool StepThrough::applyUpdate()
{
    return moveTo(lastPosition());
}

bool StepThrough::finish()
{
    return moveTo(-1);
}

bool StepThrough::moveTo(int position)
{
    if (m_steps == 0 || position == m_position)
        return false;
    m_position = position;
    return true;
}
