import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// The index of the first `byte` at or after `start` and before `end` (the buffer's end
    /// when nil), found with the C library's `memchr`, which looks at many bytes at a time.
    public func index(of byte: UInt8, from start: Int, before end: Int? = nil) -> Int? {
        let end = end ?? count
        guard let base = baseAddress, start < end,
              let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The index where `needle` first occurs at or after `start`: each place its first byte
    /// is, found by `index(of:from:before:)`, compared with the rest. An empty needle is
    /// found at `start`.
    public func index(of needle: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = needle.first else { return start <= count ? start : nil }
        guard let base = baseAddress, let n = needle.baseAddress, count - start >= needle.count else { return nil }
        let last = count - needle.count   // the last place the needle can start
        var i = start
        while let found = index(of: first, from: i, before: last + 1) {
            if memcmp(base + found, n, needle.count) == 0 { return found }
            i = found + 1
        }
        return nil
    }
}
