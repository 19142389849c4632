#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace MailDoctor::Analysis {

/**
 * A fixed set of byte strings searched for all at once (Aho-Corasick): one pass over a text
 * reports every occurrence of every phrase. Built once, then read-only and thread-safe.
 *
 * Memory layout: a full transition table for every state costs megabytes for the knowledge base's
 * phrases, and a scan then spends its time in cache misses. Only the shallow states (where a scan
 * spends nearly all its steps) get a full table row; a deeper state keeps its few children and its
 * failure link, and a mismatch there falls back towards the shallow rows.
 */
class PhraseSet
{
public:
    /** Adds a phrase (before build()); returns its id. Adding the same phrase twice returns the same id. */
    int add(std::string_view phrase);
    /** Prepares the automaton; no add() afterwards. */
    void build();

    int size() const { return int(m_lengths.size()); }
    int length(int id) const { return m_lengths[size_t(id)]; }

    /** Calls @p onMatch(id, endOffset) for every occurrence; endOffset is one past its last byte. */
    template<typename F>
    void scan(std::string_view text, F &&onMatch) const
    {
        scanFrom(0, text, onMatch);
    }

    /**
     * As scan(), for a text fed in pieces: continues from @p state, which the scan of the pieces
     * before returned (0 at the start), and returns the state to continue from. Offsets are
     * within @p text.
     */
    template<typename F>
    uint32_t scanFrom(uint32_t state, std::string_view text, F &&onMatch) const
    {
        if (m_nodes.empty())
            return state;
        for (size_t i = 0; i < text.size(); ++i) {
            state = step(state, m_class[uint8_t(text[i])]);
            for (int32_t o = m_outNode[state]; o >= 0; o = m_nodes[size_t(o)].outLink) {
                const Node &n = m_nodes[size_t(o)];
                for (uint32_t k = n.outFirst; k < n.outEnd; ++k)
                    onMatch(m_outputs[k], i + 1);
            }
        }
        return state;
    }

    /** Marks in @p found (resized to size()) which phrases occur in @p text. */
    void mark(std::string_view text, std::vector<bool> *found) const
    {
        found->assign(size_t(size()), false);
        scan(text, [found](int id, size_t) { (*found)[size_t(id)] = true; });
    }

private:
    struct Pending
    {
        std::string phrase;
        int id;
    };
    // States are numbered breadth first, so the shallow ones (with a row) are 0 .. m_shallow - 1.
    struct Node
    {
        uint32_t fail = 0;      ///< the longest proper suffix that is a state
        uint32_t edgeFirst = 0; ///< children of a deep state: m_edges[edgeFirst, edgeEnd)
        uint32_t edgeEnd = 0;
        int32_t outLink = -1;   ///< for a node with outputs: the next such node down the chain, or -1
        uint32_t outFirst = 0;  ///< its own phrase ids: m_outputs[outFirst, outEnd)
        uint32_t outEnd = 0;
    };
    struct Edge
    {
        uint32_t cls;
        uint32_t target;
    };

    uint32_t step(uint32_t state, uint32_t cls) const
    {
        while (true) {
            if (state < m_shallow)
                return m_rows[size_t(state) * m_classes + cls];
            const Node &n = m_nodes[state];
            for (uint32_t e = n.edgeFirst; e < n.edgeEnd; ++e) {
                if (m_edges[e].cls == cls)
                    return m_edges[e].target;
            }
            state = n.fail; // shallower: ends at a state with a row at the latest
        }
    }

    std::vector<Pending> m_pending;                  ///< in the order added (until build())
    std::unordered_map<std::string, int> m_pendingIds; ///< phrase -> id, so adding stays linear
    std::vector<int> m_lengths;
    std::array<uint8_t, 256> m_class{};
    size_t m_classes = 0;
    std::vector<Node> m_nodes;
    std::vector<int32_t> m_outNode; ///< per state: first state with outputs on its failure chain (itself included), or -1
    uint32_t m_shallow = 0;
    std::vector<uint32_t> m_rows; ///< full transition rows of the shallow states
    std::vector<Edge> m_edges;
    std::vector<int> m_outputs;
};

} // namespace MailDoctor::Analysis
