#pragma once

#include <QString>
#include <QVarLengthArray>

namespace MailDoctor {

/**
 * Text values by name, for the few named values a header or a report block has: a list searched in
 * order is cheaper to fill, read and free than a hash, and the usual count lives inline.
 * @p Key is the stored name type, @p KeyView what lookups take.
 */
template<typename Key, typename KeyView, qsizetype Inline>
class SmallMap
{
public:
    /** The value of @p name; empty when absent. */
    QString value(KeyView name) const
    {
        const Item *item = find(name);
        return item ? item->value : QString();
    }
    /** True when @p name is present. */
    bool contains(KeyView name) const { return find(name) != nullptr; }
    /** Sets @p name, replacing an earlier value. */
    void insert(const Key &name, const QString &value)
    {
        for (Item &item : m_items) {
            if (item.name == name) {
                item.value = value;
                return;
            }
        }
        m_items.append(Item{name, value});
    }
    /** The number of names. */
    qsizetype size() const { return m_items.size(); }
    /** True when there are none. */
    bool isEmpty() const { return m_items.isEmpty(); }

private:
    struct Item
    {
        Key name;
        QString value;
    };
    const Item *find(KeyView name) const
    {
        for (const Item &item : m_items) {
            if (item.name == name)
                return &item;
        }
        return nullptr;
    }
    QVarLengthArray<Item, Inline> m_items;
};

} // namespace MailDoctor
