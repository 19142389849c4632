#include "phraseset.h"

#include <map>

namespace MailDoctor::Analysis {

namespace {

// States this close to the root get a full transition row: a scan spends nearly all its steps there,
// and there are few of them.
constexpr int RowDepth = 2;

} // namespace

int PhraseSet::add(std::string_view phrase)
{
    const int id = int(m_lengths.size());
    const auto [known, added] = m_pendingIds.try_emplace(std::string(phrase), id);
    if (!added)
        return known->second;
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
            if (m_class[uint8_t(c)] == 0 && m_classes < 255)
                m_class[uint8_t(c)] = uint8_t(m_classes++);
        }
    }

    // The trie.
    std::vector<std::map<uint32_t, uint32_t>> go(1);
    std::vector<std::vector<int>> outputs(1);
    for (const Pending &p : m_pending) {
        uint32_t node = 0;
        for (char c : p.phrase) {
            const uint32_t cls = m_class[uint8_t(c)];
            const auto it = go[node].find(cls);
            if (it == go[node].end()) {
                const uint32_t n = uint32_t(go.size());
                go.emplace_back();
                outputs.emplace_back();
                go[node][cls] = n;
                node = n;
            } else {
                node = it->second;
            }
        }
        if (!p.phrase.empty())
            outputs[node].push_back(p.id);
    }
    m_pending.clear();
    m_pendingIds.clear();

    // Renumber the states breadth first: the shallow ones then come first, and a state's failure
    // link (always shallower) is settled before the state itself.
    const size_t n = go.size();
    std::vector<uint32_t> order{0};
    std::vector<int> depth(n, 0);
    for (size_t head = 0; head < order.size(); ++head) {
        for (const auto &[cls, v] : go[order[head]]) {
            depth[v] = depth[order[head]] + 1;
            order.push_back(v);
        }
    }
    std::vector<uint32_t> id(n);
    for (size_t k = 0; k < n; ++k)
        id[order[k]] = uint32_t(k);
    m_shallow = 0;
    while (m_shallow < n && depth[order[m_shallow]] <= RowDepth)
        ++m_shallow;

    m_nodes.assign(n, Node());
    m_outNode.assign(n, -1);
    m_rows.assign(size_t(m_shallow) * m_classes, 0);
    m_edges.clear();
    m_outputs.clear();
    for (uint32_t u = 0; u < n; ++u) {
        const uint32_t old = order[u];
        Node &node = m_nodes[u];
        node.outFirst = uint32_t(m_outputs.size());
        m_outputs.insert(m_outputs.end(), outputs[old].begin(), outputs[old].end());
        node.outEnd = uint32_t(m_outputs.size());
        if (node.outEnd > node.outFirst) {
            m_outNode[u] = int32_t(u);
            node.outLink = u == 0 ? -1 : m_outNode[node.fail];
        } else {
            m_outNode[u] = u == 0 ? -1 : m_outNode[node.fail];
        }
        for (const auto &[cls, v] : go[old])
            m_nodes[id[v]].fail = u == 0 ? 0 : step(node.fail, cls);
        if (u < m_shallow) {
            uint32_t *row = m_rows.data() + size_t(u) * m_classes;
            for (uint32_t c = 0; c < m_classes; ++c)
                row[c] = u == 0 ? 0 : step(node.fail, c);
            for (const auto &[cls, v] : go[old])
                row[cls] = id[v];
        } else {
            node.edgeFirst = uint32_t(m_edges.size());
            for (const auto &[cls, v] : go[old])
                m_edges.push_back({cls, id[v]});
            node.edgeEnd = uint32_t(m_edges.size());
        }
    }
}

} // namespace MailDoctor::Analysis
