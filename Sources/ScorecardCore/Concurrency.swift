import Foundation

/// A value behind a lock, for collecting results from concurrent work. It is
/// `@unchecked Sendable` because the value is reached only through `withLock`.
public final class LockedBox<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    public init(_ value: Value) { self.value = value }
    public func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

/// `(0..<count).map(transform)` with the calls spread over every core, for work whose
/// items are independent; the results keep their order.
public func concurrentMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    let results = LockedBox([T?](repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { i in
        let result = transform(i)
        results.withLock { $0[i] = result }
    }
    return results.withLock { $0.map { $0! } }
}
