/// Many short lists in one array (compressed sparse rows): list `i` is
/// `elements[start[i] ..< start[i + 1]]`. Looking a list up touches two arrays instead of one
/// separately allocated array per list, which matters on the per-message path.
struct FlatLists<Element: Sendable>: Sendable {
    let start: [Int32]
    let elements: [Element]

    init(_ lists: [[Element]]) {
        var start: [Int32] = [0]
        start.reserveCapacity(lists.count + 1)
        var elements: [Element] = []
        elements.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists {
            elements += list
            start.append(Int32(elements.count))
        }
        self.start = start
        self.elements = elements
    }

    /// Lists given already flat: list `i` is `elements[start[i] ..< start[i + 1]]`.
    init(start: [Int32], elements: [Element]) {
        self.start = start
        self.elements = elements
    }

    var count: Int { start.count - 1 }

    subscript(i: Int) -> ArraySlice<Element> { elements[Int(start[i])..<Int(start[i + 1])] }
}
