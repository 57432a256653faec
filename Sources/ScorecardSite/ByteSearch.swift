import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// The index of the first `byte` at or after `start` and before `end` (the buffer's end
    /// when nil), found with the C library's `memchr`, which looks at many bytes at a time.
    func index(of byte: UInt8, from start: Int, before end: Int? = nil) -> Int? {
        let end = end ?? count
        guard let base = baseAddress, start < end,
              let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
