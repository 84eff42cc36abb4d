// SPDX-License-Identifier: GPL-2.0-or-later
#include "on_demand_pass.h"

namespace rcvmon {

OnDemandPass::OnDemandPass(QObject* parent) : StorePass(parent) {}

void OnDemandPass::setEnabled(bool enabled)
{
    if (enabled == m_enabled) return;
    m_enabled = enabled;
    restart();
}

void OnDemandPass::begin()
{
    ++m_generation;
    clearResults();
    emit cleared();
}

}  // namespace rcvmon
