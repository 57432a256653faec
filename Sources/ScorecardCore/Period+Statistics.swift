/// Reading the `time_period` and `time_identifier` of an Explore Education Statistics file.
extension Period {
    /// The academic year September `startYear` to August `startYear + 1`, a date range shown
    /// as `2019/20 academic year`.
    public static func academicYear(_ startYear: Int) -> Period? {
        guard (1...9998).contains(startYear),
              let start = CivilDate(year: startYear, month: 9, day: 1),
              let end = CivilDate(year: startYear + 1, month: 8, day: 31) else { return nil }
        let ay = "\(pad(startYear, 4))/\(pad((startYear + 1) % 100, 2))"
        return Period(form: .interval, start: start, end: end, canonical: "\(start)/\(end)",
                      label: "\(ay) academic year")
    }

    /// The time identifiers `statistics(timePeriod:identifier:)` reads, for messages.
    public static let statisticsIdentifiers = [
        "Calendar year", "Reporting year", "Financial year", "Academic year",
        "Financial year Q1", "Financial year Q2", "Financial year Q3", "Financial year Q4",
    ] + CivilDate.monthNames

    /// The period of a row, or nil when scorecard cannot read it:
    /// - `Calendar year` or `Reporting year` with `YYYY` → the calendar year `YYYY`;
    /// - `Financial year` with `YYYYZZ` → the financial year `YYYY/ZZ` (April to March);
    /// - `Financial year Qn` with `YYYYZZ` → `YYYY/ZZ Qn`;
    /// - `Academic year` with `YYYYZZ` → September YYYY to August of the next year;
    /// - a month name (`January` …) with `YYYY` → that month.
    ///
    /// ZZ must be (YYYY + 1) mod 100.
    public static func statistics(timePeriod: String, identifier: String) -> Period? {
        let digits = timePeriod.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        guard digits, let number = Int(timePeriod) else { return nil }
        func twoYears() -> Int? {
            guard timePeriod.utf8.count == 6 else { return nil }
            let first = number / 100, second = number % 100
            return (first + 1) % 100 == second ? first : nil
        }
        let oneYear = timePeriod.utf8.count == 4 ? number : nil
        switch identifier {
        case "Calendar year", "Reporting year":
            return oneYear.flatMap(calendarYear)
        case "Financial year":
            return twoYears().flatMap(financialYear)
        case "Academic year":
            return twoYears().flatMap(academicYear)
        case "Financial year Q1", "Financial year Q2", "Financial year Q3", "Financial year Q4":
            guard let y = twoYears(), let q = Int(String(identifier.last!)) else { return nil }
            return financialQuarter(y, q)
        default:
            guard let m = CivilDate.monthNames.firstIndex(of: identifier), let y = oneYear else { return nil }
            return month(year: y, month: m + 1)
        }
    }
}
