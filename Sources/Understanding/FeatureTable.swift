/// An immutable open-addressing hash table from 64-bit feature keys to their row numbers: the
/// learned layer looks up every character and pair of a message, and `Dictionary`'s hashing
/// cost more than the scoring.
struct FeatureTable: Sendable {
    private let slots: [UInt64]
    private let rows: [Int32]
    private let mask: Int

    /// Row `i` is the row of `keys[i]`; keys are distinct.
    init(keys: [UInt64]) {
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: Self.empty, count: capacity)
        var rows = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for (row, key) in keys.enumerated() {
            var slot = Self.hash(key) & mask
            while slots[slot] != Self.empty { slot = (slot + 1) & mask }
            slots[slot] = key
            rows[slot] = Int32(row)
        }
        self.slots = slots
        self.rows = rows
        self.mask = mask
    }

    /// The row of `key`, or nil when no example held it.
    func row(of key: UInt64) -> Int? {
        var slot = Self.hash(key) & mask
        while true {
            let found = slots[slot]
            if found == key { return Int(rows[slot]) }
            if found == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// No feature key has every bit set (keys use at most 43 bits).
    private static let empty = UInt64.max

    private static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20)
    }
}
