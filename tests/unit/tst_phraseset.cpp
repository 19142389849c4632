// The multi-phrase search against a plain search for each phrase: every occurrence, at its offset.

#include "analysis/phraseset.h"

#include <QRandomGenerator>
#include <QTest>

#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace MailDoctor::Analysis;

namespace {

using Hits = std::set<std::pair<int, size_t>>;

Hits naive(const std::vector<std::string> &phrases, const std::string &text)
{
    Hits out;
    for (size_t id = 0; id < phrases.size(); ++id) {
        if (phrases[id].empty())
            continue;
        for (size_t at = text.find(phrases[id]); at != std::string::npos; at = text.find(phrases[id], at + 1))
            out.insert({int(id), at + phrases[id].size()});
    }
    return out;
}

Hits scanned(const PhraseSet &set, const std::string &text)
{
    Hits out;
    set.scan(text, [&out](int id, size_t end) { out.insert({id, end}); });
    return out;
}

} // namespace

class TestPhraseSet : public QObject
{
    Q_OBJECT

private slots:
    void overlappingPhrases()
    {
        // Phrases inside phrases, shared prefixes and suffixes, deep states that fall back.
        const std::vector<std::string> phrases = {"he", "she", "his", "hers", "user unknown", "unknown",
                                                  "user", "ser", "mailbox full", "box", "aaaa", "aab"};
        PhraseSet set;
        for (const std::string &p : phrases)
            QCOMPARE(set.add(p), int(&p - phrases.data()));
        set.build();
        for (const std::string text : {"ushers", "550 5.1.1 user unknownuser unknown", "aaaaab aab aaaaaaa",
                                       "mailbox fulmailbox full box", "", "hishershe"})
            QCOMPARE(scanned(set, text), naive(phrases, text));
    }

    void sameIdForTheSamePhrase()
    {
        PhraseSet set;
        const int a = set.add("quota");
        QCOMPARE(set.add("over"), a + 1);
        QCOMPARE(set.add("quota"), a);
        set.build();
        QCOMPARE(set.size(), 2);
        QCOMPARE(set.length(a), 5);
    }

    void randomTextsAgreeWithPlainSearch()
    {
        // A small alphabet makes many partial matches, which exercise the failure links.
        QRandomGenerator rng(20261122);
        auto randomString = [&rng](int minLen, int maxLen) {
            std::string s;
            const int n = minLen + int(rng.bounded(maxLen - minLen + 1));
            for (int i = 0; i < n; ++i)
                s += "abc d\xe3\x81"[rng.bounded(7)];
            return s;
        };
        for (int round = 0; round < 200; ++round) {
            std::vector<std::string> phrases;
            PhraseSet set;
            for (int k = 0; k < 40; ++k) {
                std::string p = randomString(1, 8);
                if (set.add(p) == int(phrases.size()))
                    phrases.push_back(p);
            }
            // Rows from none but the root's to every state's: the same hits from rows and from the
            // children and failure links of deep states.
            set.build(round % 10);
            const std::string text = randomString(0, 300);
            QCOMPARE(scanned(set, text), naive(phrases, text));
            // The same text fed in pieces cut anywhere, phrases across the cuts included.
            Hits pieces;
            uint32_t state = 0;
            for (size_t from = 0; from < text.size();) {
                const size_t len = std::min(text.size() - from, size_t(rng.bounded(12)));
                state = set.scanFrom(state, std::string_view(text).substr(from, len),
                                     [&](int id, size_t end) { pieces.insert({id, from + end}); });
                from += len;
            }
            QCOMPARE(pieces, naive(phrases, text));
            std::vector<bool> found;
            set.mark(text, &found);
            const Hits expected = naive(phrases, text);
            for (size_t id = 0; id < phrases.size(); ++id) {
                const bool occurs = expected.lower_bound({int(id), 0}) != expected.lower_bound({int(id) + 1, 0});
                QCOMPARE(bool(found[id]), occurs);
            }
        }
    }

    void longPhrasesAgreeWithPlainSearch()
    {
        // Texts made of pieces of long phrases, some cut short or changed: a scan walks far into
        // the deep states (one child each, kept apart from the rest) and falls back from them at
        // every offset, also where a step leaves the shallow rows in the middle of a round of four.
        QRandomGenerator rng(22352026);
        for (int round = 0; round < 100; ++round) {
            std::vector<std::string> phrases;
            PhraseSet set;
            for (int k = 0; k < 12; ++k) {
                std::string p;
                const int n = 6 + int(rng.bounded(20));
                for (int i = 0; i < n; ++i)
                    p += "ab cde"[rng.bounded(6)];
                if (set.add(p) == int(phrases.size()))
                    phrases.push_back(p);
            }
            set.build(round % 4);
            std::string text;
            while (text.size() < 400) {
                const std::string &p = phrases[rng.bounded(quint32(phrases.size()))];
                std::string piece = p.substr(0, 1 + rng.bounded(quint32(p.size())));
                if (rng.bounded(3) == 0)
                    piece[rng.bounded(quint32(piece.size()))] = "ab x"[rng.bounded(4)];
                text += piece;
            }
            QCOMPARE(scanned(set, text), naive(phrases, text));
            for (size_t skip = 1; skip < 4; ++skip)
                QCOMPARE(scanned(set, text.substr(skip)), naive(phrases, text.substr(skip)));
        }
    }
};

QTEST_APPLESS_MAIN(TestPhraseSet)
#include "tst_phraseset.moc"
