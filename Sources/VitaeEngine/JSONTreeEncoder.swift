import Foundation

/// Builds a `JSONValue` straight from an `Encodable` value, giving the tree that JSONEncoder's text
/// read back with `JSONValue(parsing:)` gives, without the text. Every analyzer's output goes through
/// `JSONValue(encoding:)` once per job, and JSONEncoder (with the parse after it) was about 7 % of
/// analysis time.
///
/// It covers what plain `Codable` types use. Anything JSONEncoder treats specially (Date, Data, URL,
/// Decimal), a value that encodes nothing, a non-finite number or any error at all makes `encode`
/// throw, and the caller goes the JSONEncoder way instead: failures and their errors stay JSONEncoder's.
enum JSONTreeEncoder {
    static func encode(_ value: some Encodable) throws -> JSONValue {
        let root = Node()
        try encode(value, into: root, codingPath: [])
        return try root.resolved()
    }

    /// Thrown for values this encoder leaves to JSONEncoder.
    struct Unsupported: Error {}

    static func encode<T: Encodable>(_ value: T, into node: Node, codingPath: [any CodingKey]) throws {
        // JSONEncoder writes these by its strategies, not by their own `encode(to:)`. (Comparing the
        // types is cheaper than casting the value; an optional one is checked once unwrapped.)
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self { throw Unsupported() }
        try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
    }

    /// The JSON number JSONEncoder's text would parse back to. Finite doubles go out in their
    /// shortest round-trip form, which `Double(_:)` reads back exactly.
    static func number(_ value: Double) throws -> JSONValue {
        guard value.isFinite else { throw Unsupported() }
        return .number(value)
    }

    /// A Float goes out as its own shortest text ("0.1"), which reads back as the Double nearest that
    /// text, not as the Float's exact value.
    static func number(_ value: Float) throws -> JSONValue {
        guard value.isFinite, let double = Double(value.description) else { throw Unsupported() }
        return .number(double)
    }

    /// A value being built. Containers hand out references to their nested values, which are filled
    /// in later; plain values go straight in, without a node of their own.
    final class Node {
        enum Member {
            case value(JSONValue)
            case node(Node)

            func resolved() throws -> JSONValue {
                switch self {
                case .value(let value): return value
                case .node(let node): return try node.resolved()
                }
            }
        }

        enum Content {
            case empty
            case value(JSONValue)
            case object([String: Member])
            case array([Member])
        }

        var content = Content.empty

        func resolved() throws -> JSONValue {
            switch content {
            case .empty: throw Unsupported()
            case .value(let value): return value
            case .object(let members): return .object(try members.mapValues { try $0.resolved() })
            case .array(let items): return .array(try items.map { try $0.resolved() })
            }
        }

        func set(_ value: JSONValue) { content = .value(value) }

        func makeObject() { updateMembers { _ in } }
        func makeArray() { updateItems { _ in } }

        func set(_ value: JSONValue, forKey key: String) { updateMembers { $0[key] = .value(value) } }

        func child(forKey key: String) -> Node {
            let node = Node()
            updateMembers { $0[key] = .node(node) }
            return node
        }

        func append(_ value: JSONValue) { updateItems { $0.append(.value(value)) } }

        func appendChild() -> Node {
            let node = Node()
            updateItems { $0.append(.node(node)) }
            return node
        }

        var count: Int {
            if case .array(let items) = content { return items.count }
            return 0
        }

        /// Makes this node an object, keeping members already written, and changes its members in place
        /// (`content` lets go of them meanwhile, so that the change does not copy the dictionary).
        private func updateMembers(_ change: (inout [String: Member]) -> Void) {
            var members: [String: Member] = [:]
            if case .object(let existing) = content { members = existing }
            content = .empty
            change(&members)
            content = .object(members)
        }

        /// As `updateMembers`, for an array.
        private func updateItems(_ change: (inout [Member]) -> Void) {
            var items: [Member] = []
            if case .array(let existing) = content { items = existing }
            content = .empty
            change(&items)
            content = .array(items)
        }
    }

    struct TreeEncoder: Encoder {
        let node: Node
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            node.makeObject()
            return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            node.makeArray()
            return UnkeyedContainer(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleValueContainer(node: node, codingPath: codingPath)
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey]

        func child(_ key: Key) -> Node { node.child(forKey: key.stringValue) }

        mutating func encodeNil(forKey key: Key) throws { node.set(.null, forKey: key.stringValue) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { node.set(.bool(value), forKey: key.stringValue) }
        mutating func encode(_ value: String, forKey key: Key) throws { node.set(.string(value), forKey: key.stringValue) }
        mutating func encode(_ value: Double, forKey key: Key) throws { node.set(try number(value), forKey: key.stringValue) }
        mutating func encode(_ value: Float, forKey key: Key) throws { node.set(try number(value), forKey: key.stringValue) }
        mutating func encode(_ value: Int, forKey key: Key) throws { node.set(.number(Double(value)), forKey: key.stringValue) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { node.set(.number(Double(value)), forKey: key.stringValue) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { node.set(.number(Double(value)), forKey: key.stringValue) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { node.set(.number(Double(value)), forKey: key.stringValue) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { node.set(.number(Double(value)), forKey: key.stringValue) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { node.set(.number(Double(value)), forKey: key.stringValue) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { node.set(.number(Double(value)), forKey: key.stringValue) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { node.set(.number(Double(value)), forKey: key.stringValue) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { node.set(.number(Double(value)), forKey: key.stringValue) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { node.set(.number(Double(value)), forKey: key.stringValue) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try JSONTreeEncoder.encode(value, into: child(key), codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            TreeEncoder(node: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            TreeEncoder(node: child(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            TreeEncoder(node: node.child(forKey: "super"), codingPath: codingPath)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            TreeEncoder(node: child(key), codingPath: codingPath + [key])
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer, PlainValueWriting {
        let node: Node
        var codingPath: [any CodingKey]
        var count: Int { node.count }

        func put(_ value: JSONValue) { node.append(value) }

        func next() -> Node { node.appendChild() }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try JSONTreeEncoder.encode(value, into: next(), codingPath: codingPath)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            TreeEncoder(node: next(), codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            TreeEncoder(node: next(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            TreeEncoder(node: next(), codingPath: codingPath)
        }
    }

    struct SingleValueContainer: SingleValueEncodingContainer, PlainValueWriting {
        let node: Node
        var codingPath: [any CodingKey]

        func put(_ value: JSONValue) { node.set(value) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try JSONTreeEncoder.encode(value, into: node, codingPath: codingPath)
        }
    }
}

/// The unkeyed and single-value containers differ only in where a value goes (appended, or set):
/// the plain values' overloads that both protocols require are written once here.
protocol PlainValueWriting {
    func put(_ value: JSONValue)
}

extension PlainValueWriting {
    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(try JSONTreeEncoder.number(value)) }
    mutating func encode(_ value: Float) throws { put(try JSONTreeEncoder.number(value)) }
    mutating func encode(_ value: Int) throws { put(.number(Double(value))) }
    mutating func encode(_ value: Int8) throws { put(.number(Double(value))) }
    mutating func encode(_ value: Int16) throws { put(.number(Double(value))) }
    mutating func encode(_ value: Int32) throws { put(.number(Double(value))) }
    mutating func encode(_ value: Int64) throws { put(.number(Double(value))) }
    mutating func encode(_ value: UInt) throws { put(.number(Double(value))) }
    mutating func encode(_ value: UInt8) throws { put(.number(Double(value))) }
    mutating func encode(_ value: UInt16) throws { put(.number(Double(value))) }
    mutating func encode(_ value: UInt32) throws { put(.number(Double(value))) }
    mutating func encode(_ value: UInt64) throws { put(.number(Double(value))) }
}
