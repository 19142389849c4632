#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace MailDoctor::Analysis {

/**
 * A fixed set of byte strings searched for all at once (Aho-Corasick): one pass over a text
 * reports every occurrence of every phrase. Built once, then read-only and thread-safe.
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
        if (m_delta.empty())
            return;
        int state = 0;
        for (size_t i = 0; i < text.size(); ++i) {
            state = m_delta[size_t(state) * size_t(m_classes) + m_class[uint8_t(text[i])]];
            for (int o = m_outNode[size_t(state)]; o >= 0; o = m_outLink[size_t(o)]) {
                for (int id : m_outputs[size_t(o)])
                    onMatch(id, i + 1);
            }
        }
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
    std::vector<Pending> m_pending;
    std::vector<int> m_lengths;
    std::array<uint8_t, 256> m_class{};
    int m_classes = 0;
    std::vector<std::vector<int>> m_outputs;
    std::vector<int> m_delta;
    std::vector<int> m_outNode; ///< first node with outputs on the failure chain (itself included), or -1
    std::vector<int> m_outLink; ///< for a node with outputs: the next such node down the chain, or -1
};

} // namespace MailDoctor::Analysis
