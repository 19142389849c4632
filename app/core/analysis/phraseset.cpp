#include "phraseset.h"

#include <map>

namespace MailDoctor::Analysis {

int PhraseSet::add(std::string_view phrase)
{
    for (const Pending &p : m_pending) {
        if (p.phrase == phrase)
            return p.id;
    }
    const int id = int(m_lengths.size());
    m_pending.push_back({std::string(phrase), id});
    m_lengths.push_back(int(phrase.size()));
    return id;
}

void PhraseSet::build()
{
    // Alphabet: the bytes the phrases use; every other byte is class 0 and never continues a phrase.
    m_class.fill(0);
    m_classes = 1;
    for (const Pending &p : m_pending) {
        for (char c : p.phrase) {
            if (m_class[uint8_t(c)] == 0)
                m_class[uint8_t(c)] = uint8_t(m_classes++);
            if (m_classes >= 255)
                break;
        }
    }

    std::vector<std::map<int, int>> go(1);
    m_outputs.assign(1, {});
    for (const Pending &p : m_pending) {
        int node = 0;
        for (char c : p.phrase) {
            const int cls = m_class[uint8_t(c)];
            const auto it = go[size_t(node)].find(cls);
            if (it == go[size_t(node)].end()) {
                go.emplace_back();
                m_outputs.emplace_back();
                const int n = int(go.size() - 1);
                go[size_t(node)][cls] = n;
                node = n;
            } else {
                node = it->second;
            }
        }
        if (!p.phrase.empty())
            m_outputs[size_t(node)].push_back(p.id);
    }
    m_pending.clear();

    const size_t n = go.size();
    const size_t k = size_t(m_classes);
    m_delta.assign(n * k, 0);
    std::vector<int> fail(n, 0);
    m_outNode.assign(n, -1);
    m_outLink.assign(n, -1);
    std::vector<int> queue;
    queue.reserve(n);
    for (size_t c = 0; c < k; ++c) {
        const auto it = go[0].find(int(c));
        if (it != go[0].end()) {
            m_delta[c] = it->second;
            queue.push_back(it->second);
        }
    }
    for (size_t head = 0; head < queue.size(); ++head) {
        const size_t u = size_t(queue[head]);
        m_outNode[u] = !m_outputs[u].empty() ? int(u) : m_outNode[size_t(fail[u])];
        for (size_t c = 0; c < k; ++c) {
            const auto it = go[u].find(int(c));
            if (it == go[u].end()) {
                m_delta[u * k + c] = m_delta[size_t(fail[u]) * k + c];
            } else {
                const int v = it->second;
                fail[size_t(v)] = m_delta[size_t(fail[u]) * k + c];
                m_delta[u * k + c] = v;
                queue.push_back(v);
            }
        }
    }
    for (size_t u = 1; u < n; ++u) {
        if (m_outNode[u] == int(u))
            m_outLink[u] = m_outNode[size_t(fail[u])];
    }
}

} // namespace MailDoctor::Analysis
