/// A reporting period: a span of whole days with the form the author wrote it in.
///
/// Every period form of the content format maps to a start and an end date (both
/// inclusive), a canonical text (the form written in `data.csv` and `summary.json`) and a
/// display label.
public struct Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The written forms a period can take.
    public enum Form: String, Sendable, Hashable, CaseIterable {
        /// `2020-04`
        case month
        /// `2020-06-05`
        case day
        /// `2020-W16`
        case isoWeek = "iso-week"
        /// `2020-02-13/2020-06-30`
        case interval
        /// `2019/20 Q1`
        case financialQuarter = "financial-quarter"
        /// `2019/20`
        case financialYear = "financial-year"
        /// `2019`
        case calendarYear = "calendar-year"

        /// How the form is described to authors.
        public var example: String {
            switch self {
            case .month: return "a month (YYYY-MM)"
            case .day: return "a day (YYYY-MM-DD)"
            case .isoWeek: return "an ISO week (YYYY-Www)"
            case .interval: return "a date range (YYYY-MM-DD/YYYY-MM-DD)"
            case .financialQuarter: return "a financial quarter (YYYY/YY Qn)"
            case .financialYear: return "a financial year (YYYY/YY)"
            case .calendarYear: return "a calendar year (YYYY)"
            }
        }

        /// True for forms that follow one another without gaps or overlaps, so a rolling
        /// mean can count periods.
        public var isRegular: Bool { self != .day && self != .interval }
    }

    public let form: Form
    /// First day, inclusive.
    public let start: CivilDate
    /// Last day, inclusive.
    public let end: CivilDate
    /// The canonical written form, e.g. `2019/20 Q1`.
    public let canonical: String
    /// How the period is shown, e.g. `Q1 2019/20`.
    public let label: String

    init(form: Form, start: CivilDate, end: CivilDate, canonical: String, label: String) {
        self.form = form
        self.start = start
        self.end = end
        self.canonical = canonical
        self.label = label
    }

    public var description: String { canonical }

    /// The year whose population a rate per 10,000 uses: the year the period begins, or for
    /// financial-year forms, the year the financial year begins.
    public var populationYear: Int {
        switch form {
        case .financialQuarter, .financialYear:
            return start.month >= 4 ? start.year : start.year - 1
        default:
            return start.year
        }
    }

    /// Periods sort by end date, then start date, then canonical text.
    public static func < (a: Period, b: Period) -> Bool {
        if a.end != b.end { return a.end < b.end }
        if a.start != b.start { return a.start < b.start }
        return a.canonical < b.canonical
    }

    /// The period that follows this one in a regular form; nil for days and intervals.
    public var next: Period? {
        switch form {
        case .month:
            let (y, m) = start.month == 12 ? (start.year + 1, 1) : (start.year, start.month + 1)
            return Period.month(year: y, month: m)
        case .isoWeek:
            return Period.isoWeek(startingOn: start.adding(days: 7))
        case .financialQuarter:
            let fy = populationYear
            let q = Period.financialQuarterNumber(of: start)
            return q == 4 ? Period.financialQuarter(fy + 1, 1) : Period.financialQuarter(fy, q + 1)
        case .financialYear:
            return Period.financialYear(populationYear + 1)
        case .calendarYear:
            return Period.calendarYear(start.year + 1)
        case .day, .interval:
            return nil
        }
    }

    /// True when `other` is `next`: a period of the same regular form that starts the day
    /// after this one ends (each regular form has one period starting on any given day),
    /// told without making `next`'s texts.
    public func isFollowed(by other: Period) -> Bool {
        form.isRegular && other.form == form && other.start.dayNumber == end.dayNumber + 1
    }

    /// Every period from this one to `last` inclusive, for the regular forms; nil for days
    /// and ranges, or when the span would hold more than `limit` periods.
    public func through(_ last: Period, limit: Int = .max) -> [Period]? {
        guard form.isRegular else { return nil }
        var out = [self]
        while let p = out.last, p < last, let next = p.next {
            if out.count == limit { return nil }
            out.append(next)
        }
        return out
    }

    // MARK: Constructors for each form

    /// A calendar month.
    public static func month(year: Int, month: Int) -> Period? {
        guard let start = CivilDate(year: year, month: month, day: 1) else { return nil }
        return Period(form: .month, start: start, end: CivilDate.endOfMonth(year: year, month: month),
                      canonical: "\(pad(year, 4))-\(pad(month, 2))",
                      label: "\(CivilDate.monthAbbreviations[month - 1]) \(year)")
    }

    /// A single day.
    public static func day(_ date: CivilDate) -> Period {
        Period(form: .day, start: date, end: date, canonical: date.description, label: date.shortLabel)
    }

    /// The ISO week that starts on `monday`.
    static func isoWeek(startingOn monday: CivilDate) -> Period {
        // The ISO year is the year of the week's Thursday.
        let thursday = monday.adding(days: 3)
        let jan4 = CivilDate(year: thursday.year, month: 1, day: 4)!
        let week1Monday = jan4.adding(days: 1 - jan4.isoWeekday)
        let week = (monday.dayNumber - week1Monday.dayNumber) / 7 + 1
        return Period(form: .isoWeek, start: monday, end: monday.adding(days: 6),
                      canonical: "\(pad(thursday.year, 4))-W\(pad(week, 2))",
                      label: "w/c \(monday.shortLabel)")
    }

    /// ISO week `week` of ISO year `year`, or nil when the year has no such week.
    public static func isoWeek(year: Int, week: Int) -> Period? {
        guard week >= 1, week <= isoWeeksInYear(year), let jan4 = CivilDate(year: year, month: 1, day: 4)
        else { return nil }
        let week1Monday = jan4.adding(days: 1 - jan4.isoWeekday)
        return isoWeek(startingOn: week1Monday.adding(days: 7 * (week - 1)))
    }

    /// 52 or 53: a year has 53 ISO weeks when 1 January is a Thursday, or a Wednesday in a leap year.
    public static func isoWeeksInYear(_ year: Int) -> Int {
        guard let jan1 = CivilDate(year: year, month: 1, day: 1) else { return 0 }
        let wd = jan1.isoWeekday
        return (wd == 4 || (wd == 3 && CivilDate.isLeapYear(year))) ? 53 : 52
    }

    /// A date range, both ends inclusive.
    public static func interval(from start: CivilDate, to end: CivilDate) -> Period? {
        guard start <= end else { return nil }
        let label: String
        if start.year == end.year {
            label = "\(start.day) \(CivilDate.monthAbbreviations[start.month - 1]) – \(end.shortLabel)"
        } else {
            label = "\(start.shortLabel) – \(end.shortLabel)"
        }
        return Period(form: .interval, start: start, end: end,
                      canonical: "\(start)/\(end)", label: label)
    }

    /// Quarter `quarter` (1–4) of the financial year starting in April of `startYear`.
    public static func financialQuarter(_ startYear: Int, _ quarter: Int) -> Period? {
        guard (1...4).contains(quarter), (1...9998).contains(startYear) else { return nil }
        let (y, m) = quarter == 4 ? (startYear + 1, 1) : (startYear, 3 * quarter + 1)
        let start = CivilDate(year: y, month: m, day: 1)!
        let end = CivilDate.endOfMonth(year: y, month: m + 2)
        let fy = "\(pad(startYear, 4))/\(pad((startYear + 1) % 100, 2))"
        return Period(form: .financialQuarter, start: start, end: end,
                      canonical: "\(fy) Q\(quarter)", label: "Q\(quarter) \(fy)")
    }

    static func financialQuarterNumber(of start: CivilDate) -> Int {
        start.month >= 4 ? (start.month - 4) / 3 + 1 : 4
    }

    /// The financial year April `startYear` to March `startYear + 1`.
    public static func financialYear(_ startYear: Int) -> Period? {
        guard (1...9998).contains(startYear) else { return nil }
        let fy = "\(pad(startYear, 4))/\(pad((startYear + 1) % 100, 2))"
        return Period(form: .financialYear, start: CivilDate(year: startYear, month: 4, day: 1)!,
                      end: CivilDate(year: startYear + 1, month: 3, day: 31)!, canonical: fy, label: fy)
    }

    /// A calendar year.
    public static func calendarYear(_ year: Int) -> Period? {
        guard let start = CivilDate(year: year, month: 1, day: 1) else { return nil }
        return Period(form: .calendarYear, start: start, end: CivilDate(year: year, month: 12, day: 31)!,
                      canonical: pad(year, 4), label: pad(year, 4))
    }
}
