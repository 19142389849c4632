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
 * failure link, and a mismatch there falls back towards the shallow rows. Transitions hold a code
 * rather than the state's number: the offset of its row, with a bit that says a phrase ends there.
 */
class PhraseSet
{
public:
    /** Adds a phrase (before build()); returns its id. Adding the same phrase twice returns the same id. */
    int add(std::string_view phrase);
    /**
     * Prepares the automaton; no add() afterwards. The states up to @p rowDepth bytes deep get a
     * full row: a scan spends nearly all its steps there (prose walks three bytes into the phrases'
     * words often, about a third of the steps were below depth two), at the cost of a row of
     * four bytes per byte class each.
     */
    void build(int rowDepth = 3);

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
        // The loop keeps the state as its code (see codeOf()). Codes below m_rowEnd, shallow states
        // where no phrase ends, take nearly every step; shallowSteps() runs through them, and only a
        // step to a deep state or to one where a phrase ends comes back here.
        const uint8_t *const begin = reinterpret_cast<const uint8_t *>(text.data());
        const uint8_t *const end = begin + text.size();
        const uint8_t *p = begin;
        uint32_t code = codeOf(state) & ~EndsPhrase;
        while (true) {
            if (code < m_rowEnd) {
                p = shallowSteps(p, end, &code);
                if (code < m_rowEnd) // at the end
                    break;
            } else {
                if (p == end)
                    break;
                code = deepStep(code, m_class[*p++]);
            }
            if (code & EndsPhrase) {
                code &= ~EndsPhrase;
                for (int32_t o = m_outNode[stateOf(code)]; o >= 0; o = m_nodes[size_t(o)].outLink) {
                    const Node &node = m_nodes[size_t(o)];
                    for (uint32_t k = node.outFirst; k < node.outEnd; ++k)
                        onMatch(m_outputs[k], size_t(p - begin));
                }
            }
        }
        return stateOf(code);
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
    /// What a step from a deep state reads, by its code - m_rowEnd. Most deep states are the
    /// tail of one phrase, with a single child: that one is kept here, the others in m_edges.
    struct DeepNode
    {
        uint32_t cls;       ///< the class of its first child, NoClass when it has none
        uint32_t target;    ///< the code of its first child
        uint32_t failCode;  ///< its failure link's code, without EndsPhrase
        uint32_t edgeFirst; ///< its other children: m_edges[edgeFirst, edgeEnd)
        uint32_t edgeEnd;
    };
    static constexpr uint32_t NoClass = 0xffffffffu;
    struct Edge
    {
        uint32_t cls;
        uint32_t target; ///< its code
    };

    /// In a state's code: a phrase (or a phrase within it) ends in the state.
    static constexpr uint32_t EndsPhrase = 0x80000000u;

    // A state's code, what the transitions hold: for a shallow state the start of its row in
    // m_rows, for a deep one m_rowEnd and up; EndsPhrase added where a phrase ends.
    uint32_t codeOf(uint32_t state) const
    {
        const uint32_t code = state < m_shallow ? state * uint32_t(m_classes) : m_rowEnd + (state - m_shallow);
        return m_outNode[state] >= 0 ? code | EndsPhrase : code;
    }
    uint32_t stateOf(uint32_t code) const
    {
        return code < m_rowEnd ? code / uint32_t(m_classes) : code - m_rowEnd + m_shallow;
    }

    // Steps from a shallow state (its code in *code, below m_rowEnd) through the bytes from @p p on
    // for as long as they lead to shallow states where no phrase ends: one table load per byte, four
    // bytes to a round. Returns where it stopped: after the byte whose step led elsewhere (its code,
    // m_rowEnd or above, is then in *code), or at @p end.
    const uint8_t *shallowSteps(const uint8_t *p, const uint8_t *end, uint32_t *code) const
    {
        const uint32_t *rows = m_rows.data();
        const uint8_t *classes = m_class.data();
        const uint32_t rowEnd = m_rowEnd;
        uint32_t c = *code;
        if (end - p >= 4) {
            const uint8_t *const stop = end - 3; // a round starts before it
            do {
                // The sum in 64 bits: a 32-bit one would be widened again at every step.
                c = rows[size_t(c) + classes[p[0]]];
                if (c >= rowEnd) {
                    *code = c;
                    return p + 1;
                }
                c = rows[size_t(c) + classes[p[1]]];
                if (c >= rowEnd) {
                    *code = c;
                    return p + 2;
                }
                c = rows[size_t(c) + classes[p[2]]];
                if (c >= rowEnd) {
                    *code = c;
                    return p + 3;
                }
                c = rows[size_t(c) + classes[p[3]]];
                p += 4;
                if (c >= rowEnd) {
                    *code = c;
                    return p;
                }
            } while (p < stop);
        }
        while (p != end) {
            c = rows[size_t(c) + classes[*p++]];
            if (c >= rowEnd)
                break;
        }
        *code = c;
        return p;
    }

    // The step from a deep state (by its code, without EndsPhrase): its own children, else its
    // failure link's, down to a shallow state's row. Returns the next state's code.
    uint32_t deepStep(uint32_t code, uint32_t cls) const
    {
        while (code >= m_rowEnd) {
            const DeepNode &n = m_deep[code - m_rowEnd];
            if (n.cls == cls)
                return n.target;
            for (uint32_t e = n.edgeFirst; e != n.edgeEnd; ++e) {
                if (m_edges[e].cls == cls)
                    return m_edges[e].target;
            }
            code = n.failCode;
        }
        return m_rows[code + cls];
    }

    std::vector<Pending> m_pending;                  ///< in the order added (until build())
    std::unordered_map<std::string, int> m_pendingIds; ///< phrase -> id, so adding stays linear
    std::vector<int> m_lengths;
    std::array<uint8_t, 256> m_class{};
    size_t m_classes = 0;
    std::vector<Node> m_nodes;
    std::vector<int32_t> m_outNode; ///< per state: first state with outputs on its failure chain (itself included), or -1
    uint32_t m_shallow = 0;
    uint32_t m_rowEnd = 0;        ///< m_shallow * m_classes: the codes of the deep states start here
    std::vector<uint32_t> m_rows; ///< full transition rows of the shallow states, holding codes
    std::vector<DeepNode> m_deep; ///< per deep state, by its code - m_rowEnd
    std::vector<Edge> m_edges;
    std::vector<int> m_outputs;
};

} // namespace MailDoctor::Analysis
