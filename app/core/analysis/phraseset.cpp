#include "phraseset.h"

#include <algorithm>
#include <utility>

namespace MailDoctor::Analysis {

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

void PhraseSet::build(int rowDepth)
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

    // The trie, built from the phrases in order of their classes: each phrase shares the path of the
    // one before it as far as they agree and adds nodes for the rest, so no node is looked up (a map
    // of children per node made building cost more than many scans). A node's children are then
    // created in order of their class.
    std::vector<std::pair<std::string, int>> sorted; // the classes of a phrase, its id
    sorted.reserve(m_pending.size());
    for (const Pending &p : m_pending) {
        if (p.phrase.empty())
            continue;
        std::string classes(p.phrase.size(), '\0');
        for (size_t k = 0; k < p.phrase.size(); ++k)
            classes[k] = char(m_class[uint8_t(p.phrase[k])]);
        sorted.emplace_back(std::move(classes), p.id);
    }
    m_pending.clear();
    m_pendingIds.clear();
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        const int c = a.first.compare(b.first);
        return c != 0 ? c < 0 : a.second < b.second; // two phrases of the same classes: by id, as added
    });
    struct Link
    {
        uint32_t parent;
        uint32_t cls;
        uint32_t child;
    };
    std::vector<Link> links;                 // every edge of the trie, in the order created
    std::vector<std::pair<uint32_t, int>> ends; // (node, phrase id) for every phrase
    std::vector<uint32_t> path{0};           // the nodes along the previous phrase
    size_t n = 1;
    const std::string *previous = nullptr;
    for (const auto &[classes, phraseId] : sorted) {
        size_t common = 0;
        if (previous) {
            while (common < previous->size() && common < classes.size() && (*previous)[common] == classes[common])
                ++common;
        }
        path.resize(common + 1);
        for (size_t k = common; k < classes.size(); ++k) {
            links.push_back({path.back(), uint8_t(classes[k]), uint32_t(n)});
            path.push_back(uint32_t(n++));
        }
        ends.emplace_back(path.back(), phraseId);
        previous = &classes;
    }
    // Children and outputs grouped per node (a stable counting sort keeps the children in class order).
    std::vector<uint32_t> childStart(n + 1, 0);
    for (const Link &l : links)
        ++childStart[l.parent + 1];
    for (size_t k = 0; k < n; ++k)
        childStart[k + 1] += childStart[k];
    std::vector<std::pair<uint32_t, uint32_t>> children(links.size()); // (class, node)
    {
        std::vector<uint32_t> next(childStart.begin(), childStart.end() - 1);
        for (const Link &l : links)
            children[next[l.parent]++] = {l.cls, l.child};
    }
    auto childrenOf = [&](uint32_t node) {
        return std::make_pair(children.cbegin() + childStart[node], children.cbegin() + childStart[node + 1]);
    };
    std::sort(ends.begin(), ends.end());
    std::vector<uint32_t> outStart(n + 1, 0);
    for (const auto &e : ends)
        ++outStart[e.first + 1];
    for (size_t k = 0; k < n; ++k)
        outStart[k + 1] += outStart[k];

    // Renumber the states breadth first: the shallow ones then come first, and a state's failure
    // link (always shallower) is settled before the state itself.
    std::vector<uint32_t> order{0};
    order.reserve(n);
    std::vector<int> depth(n, 0);
    for (size_t head = 0; head < order.size(); ++head) {
        const auto [first, last] = childrenOf(order[head]);
        for (auto c = first; c != last; ++c) {
            depth[c->second] = depth[order[head]] + 1;
            order.push_back(c->second);
        }
    }
    std::vector<uint32_t> id(n);
    for (size_t k = 0; k < n; ++k)
        id[order[k]] = uint32_t(k);
    m_shallow = 0;
    while (m_shallow < n && depth[order[m_shallow]] <= rowDepth)
        ++m_shallow;

    // While building, rows and edges hold state numbers; they become codes at the end.
    auto step = [this](uint32_t state, uint32_t cls) {
        while (true) {
            if (state < m_shallow)
                return m_rows[size_t(state) * m_classes + cls];
            const Node &node = m_nodes[state];
            for (uint32_t e = node.edgeFirst; e < node.edgeEnd; ++e) {
                if (m_edges[e].cls == cls)
                    return m_edges[e].target;
            }
            state = node.fail;
        }
    };
    m_nodes.assign(n, Node());
    m_outNode.assign(n, -1);
    m_rows.assign(size_t(m_shallow) * m_classes, 0);
    m_edges.clear();
    m_outputs.clear();
    for (uint32_t u = 0; u < n; ++u) {
        const uint32_t old = order[u];
        Node &node = m_nodes[u];
        node.outFirst = uint32_t(m_outputs.size());
        for (uint32_t k = outStart[old]; k < outStart[old + 1]; ++k)
            m_outputs.push_back(ends[k].second);
        node.outEnd = uint32_t(m_outputs.size());
        const auto [first, last] = childrenOf(old);
        if (node.outEnd > node.outFirst) {
            m_outNode[u] = int32_t(u);
            node.outLink = u == 0 ? -1 : m_outNode[node.fail];
        } else {
            m_outNode[u] = u == 0 ? -1 : m_outNode[node.fail];
        }
        for (auto c = first; c != last; ++c)
            m_nodes[id[c->second]].fail = u == 0 ? 0 : step(node.fail, c->first);
        if (u < m_shallow) {
            uint32_t *row = m_rows.data() + size_t(u) * m_classes;
            for (uint32_t c = 0; c < m_classes; ++c)
                row[c] = u == 0 ? 0 : step(node.fail, c);
            for (auto c = first; c != last; ++c)
                row[c->first] = id[c->second];
        } else {
            node.edgeFirst = uint32_t(m_edges.size());
            for (auto c = first; c != last; ++c)
                m_edges.push_back({c->first, id[c->second]});
            node.edgeEnd = uint32_t(m_edges.size());
        }
    }
    m_rowEnd = m_shallow * uint32_t(m_classes);
    for (uint32_t &target : m_rows)
        target = codeOf(target);
    for (Edge &e : m_edges)
        e.target = codeOf(e.target);
    m_deep.clear();
    m_deep.reserve(n - m_shallow);
    for (uint32_t u = m_shallow; u < n; ++u) {
        const Node &node = m_nodes[u];
        const bool children = node.edgeEnd > node.edgeFirst;
        m_deep.push_back({children ? m_edges[node.edgeFirst].cls : NoClass,
                          children ? m_edges[node.edgeFirst].target : 0, codeOf(node.fail) & ~EndsPhrase,
                          children ? node.edgeFirst + 1 : node.edgeEnd, node.edgeEnd});
    }
}

} // namespace MailDoctor::Analysis
