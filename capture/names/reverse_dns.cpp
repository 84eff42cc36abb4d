// SPDX-License-Identifier: GPL-2.0-or-later
#include "names/reverse_dns.h"

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

#include <cstring>

namespace rcvmon::names {

ReverseDns::ReverseDns(Lookup lookup, std::size_t maxPending, std::size_t maxAnswers)
    : m_lookup(std::move(lookup)), m_maxPending(maxPending), m_maxAnswers(maxAnswers), m_worker([this] { run(); })
{
}

ReverseDns::~ReverseDns()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    // A lookup in progress finishes first (getnameinfo cannot be cancelled); the resolver's
    // own timeout bounds it.
    m_worker.join();
}

bool ReverseDns::request(const IpAddress& address)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_answers.count(address)) return true;
        if (m_queue.size() >= m_maxPending) return false;
        if (m_answers.size() >= m_maxAnswers) m_answers.clear();  // bounded; asked again later
        m_answers.emplace(address, std::string());
        m_queue.push_back(address);
    }
    m_wake.notify_one();
    return true;
}

std::string ReverseDns::find(const IpAddress& address) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_answers.find(address);
    return it == m_answers.end() ? std::string() : it->second;
}

void ReverseDns::setOnAnswer(std::function<void()> callback)
{
    std::lock_guard lock(m_mutex);
    m_onAnswer = std::move(callback);
}

std::size_t ReverseDns::pending() const
{
    std::lock_guard lock(m_mutex);
    return m_queue.size();
}

std::vector<std::pair<IpAddress, std::string>> ReverseDns::answers() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::pair<IpAddress, std::string>> out;
    for (const auto& [address, name] : m_answers)
        if (!name.empty()) out.emplace_back(address, name);
    return out;
}

std::size_t ReverseDns::answered() const
{
    std::lock_guard lock(m_mutex);
    std::size_t n = 0;
    for (const auto& [a, name] : m_answers) n += !name.empty();
    return n;
}

void ReverseDns::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_stopping) return;
        const IpAddress address = m_queue.front();
        m_queue.pop_front();
        lock.unlock();
        std::optional<std::string> name = m_lookup ? m_lookup(address) : std::nullopt;
        lock.lock();
        if (!name || name->empty() || m_stopping) continue;
        m_answers[address] = std::move(*name);
        m_generation.fetch_add(1, std::memory_order_acq_rel);
        if (auto callback = m_onAnswer) {
            lock.unlock();
            callback();
            lock.lock();
        }
    }
}

ReverseDns::Lookup ReverseDns::systemLookup()
{
    return [](const IpAddress& address) -> std::optional<std::string> {
        sockaddr_storage storage{};
        socklen_t length = 0;
        if (address.family == 4) {
            auto* sin = reinterpret_cast<sockaddr_in*>(&storage);
            sin->sin_family = AF_INET;
            std::memcpy(&sin->sin_addr, address.bytes.data(), 4);
            length = sizeof(sockaddr_in);
        } else {
            auto* sin6 = reinterpret_cast<sockaddr_in6*>(&storage);
            sin6->sin6_family = AF_INET6;
            std::memcpy(&sin6->sin6_addr, address.bytes.data(), 16);
            length = sizeof(sockaddr_in6);
        }
        char host[1025];
        if (getnameinfo(reinterpret_cast<const sockaddr*>(&storage), length, host, sizeof host, nullptr, 0, NI_NAMEREQD) != 0)
            return std::nullopt;
        return std::string(host);
    };
}

}  // namespace rcvmon::names
