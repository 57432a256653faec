import Testing
@testable import ScorecardContent

/// `children(of:)` answers from an index made once; these cases are worked out by hand from
/// its rule: the names directly inside the folder, sorted, nothing deeper, no empty name.
@Suite struct SourceTreeTests {
    let tree = SourceTree(entries: [
        "site.yaml": .file([]),
        "content": .folder,
        "content/visits": .folder,
        "content/visits/b": .folder,
        "content/visits/a": .folder,
        "content/visits/a/visit.yaml": .file([]),
        "content/visits/a/fd": .folder,
        "content/visits/a/fd/data.csv": .file([]),
        "content/visits-old": .symlink,
        "content/trailing/": .folder,
    ])

    @Test func namesDirectlyInsideAFolderSorted() {
        #expect(tree.children(of: "") == ["content", "site.yaml"])
        #expect(tree.children(of: "content") == ["visits", "visits-old"])
        #expect(tree.children(of: "content/visits") == ["a", "b"])
        #expect(tree.children(of: "content/visits/a") == ["fd", "visit.yaml"])
        #expect(tree.children(of: "content/visits/b") == [])
        #expect(tree.children(of: "nowhere") == [])
        #expect(tree.children(of: "content/trailing") == [])
    }

    @Test func aChangedTreeIsIndexedAgain() {
        var changed = tree
        #expect(changed.children(of: "content/visits") == ["a", "b"])
        changed.entries["content/visits/c"] = .folder
        changed.entries["content/visits/a"] = nil
        #expect(changed.children(of: "content/visits") == ["b", "c"])
        // The copy it came from keeps its own answer.
        #expect(tree.children(of: "content/visits") == ["a", "b"])
    }
}
