import Foundation

extension OutputFolder {
    /// Removes what earlier builds killed mid-way left beside the output folder: hidden
    /// `.<name>.staging-<pid>` and `.<name>.old-<pid>` folders whose process is no longer
    /// running and that are ours (they hold the marker file, or nothing at all). A folder of
    /// a build running now, a link, a file, or a folder without the marker is kept, so
    /// nothing of the author's is ever removed. Failures are ignored: a leftover that cannot
    /// be removed harms nothing but disk space.
    func removeLeftovers() {
        let fm = FileManager.default
        let parent = url.deletingLastPathComponent()
        guard let names = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        let own = getpid()
        for name in names {
            guard let pid = Self.leftoverPID(name, outputName: url.lastPathComponent), pid != own,
                  !Self.isRunning(pid) else { continue }
            let path = parent.appendingPathComponent(name).path
            guard Self.isOurFolder(path) else { continue }
            try? fm.removeItem(atPath: path)
        }
    }

    /// The process id in `.<outputName>.staging-<digits>` or `.<outputName>.old-<digits>`,
    /// or nil for any other name.
    static func leftoverPID(_ name: String, outputName: String) -> pid_t? {
        for kind in ["staging", "old"] {
            let prefix = ".\(outputName).\(kind)-"
            guard name.hasPrefix(prefix) else { continue }
            let digits = name.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let pid = pid_t(digits), pid > 0 else { return nil }
            return pid
        }
        return nil
    }

    /// True when a process `pid` exists (one of another user counts: `EPERM`).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// A real folder (not a link) that is empty or holds the marker file as a regular file.
    static func isOurFolder(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        let items = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["?"]
        if items.isEmpty { return true }
        var markerInfo = stat()
        return lstat(path + "/" + marker, &markerInfo) == 0 && markerInfo.st_mode & S_IFMT == S_IFREG
    }
}
