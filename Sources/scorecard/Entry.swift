import ScorecardCLI

@main
enum Entry {
    static func main() async {
        await ScorecardCommand.main()
    }
}
