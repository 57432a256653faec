extension Period {
    /// Why a period could not be read: a sentence that shows the right form.
    public struct ParseError: Error, Equatable, Sendable {
        public let message: String
        public init(message: String) { self.message = message }
    }

    /// Parses any of the content format's period forms.
    ///
    /// ```
    /// try Period.parse("2019/20 Q1").end   // 2019-06-30
    /// try Period.parse("Q1 19/20")          // error suggesting "2019/20 Q1"
    /// ```
    public static func parse(_ text: String) throws(ParseError) -> Period {
        let t = text
        func fail(_ hint: String) -> ParseError {
            ParseError(message: "'\(t)' is not a period" + (hint.hasPrefix(";") ? "" : " ") + hint)
        }
        let general = "; write a month as 2020-04, a day as 2020-06-05, an ISO week as 2020-W16, a range as 2020-02-13/2020-06-30, a financial quarter as 2019/20 Q1, a financial year as 2019/20 or a calendar year as 2019"

        if t.isEmpty { throw ParseError(message: "the period is empty" + general) }
        // No form has a year 0 (or a financial year running into 10000): say so, rather than
        // blame the month or week.
        if t.hasPrefix("0000") || t.hasPrefix("9999/") {
            throw ParseError(message: "'\(t)' is not a period: years run from 0001 to 9999, and financial years from 0001/02 to 9998/99")
        }

        // YYYY-MM-DD/YYYY-MM-DD
        if t.contains("/") && t.contains("-") && !t.contains(" ") {
            let halves = t.split(separator: "/", omittingEmptySubsequences: false)
            if halves.count == 2, halves[0].count == 10, halves[1].count == 10 {
                guard let a = CivilDate(iso: String(halves[0])) else {
                    throw fail("('\(halves[0])' is not a real date)")
                }
                guard let b = CivilDate(iso: String(halves[1])) else {
                    throw fail("('\(halves[1])' is not a real date)")
                }
                guard let p = interval(from: a, to: b) else {
                    throw fail("(the range ends before it starts; write the earlier date first)")
                }
                return p
            }
        }

        let digits = { (s: Substring) in !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }

        // YYYY/YY and YYYY/YY Qn
        if let fy = try parseFinancial(t) { return fy }

        // YYYY-Www
        if t.count == 8, t.dropFirst(4).hasPrefix("-W") {
            let y = t.prefix(4), w = t.suffix(2)
            if digits(y), digits(w), let year = Int(y), let week = Int(w) {
                guard let p = isoWeek(year: year, week: week) else {
                    throw fail("(\(year) has weeks 01 to \(isoWeeksInYear(year)))")
                }
                return p
            }
        }

        let dashParts = t.split(separator: "-", omittingEmptySubsequences: false)
        // YYYY-MM
        if dashParts.count == 2, dashParts[0].count == 4, dashParts[1].count == 2,
           digits(dashParts[0]), digits(dashParts[1]) {
            guard let p = month(year: Int(dashParts[0])!, month: Int(dashParts[1])!) else {
                // `2019-20` is a financial year written with a hyphen, not a month.
                if let suggestion = suggestion(for: t) {
                    throw ParseError(message: "'\(t)' is not a period; did you mean '\(suggestion)'?")
                }
                throw fail("(months run from 01 to 12)")
            }
            return p
        }
        // YYYY-MM-DD
        if dashParts.count == 3, dashParts[0].count == 4, dashParts[1].count == 2, dashParts[2].count == 2,
           dashParts.allSatisfy(digits) {
            guard let d = CivilDate(iso: t) else { throw fail("(that day does not exist)") }
            return day(d)
        }
        // YYYY
        if t.count == 4, digits(Substring(t)) {
            guard let p = calendarYear(Int(t)!) else { throw fail(general) }
            return p
        }

        if let suggestion = suggestion(for: t) {
            throw ParseError(message: "'\(t)' is not a period; did you mean '\(suggestion)'?")
        }
        throw fail(general)
    }

    /// `YYYY/YY` or `YYYY/YY Qn`, strictly.
    private static func parseFinancial(_ t: String) throws(ParseError) -> Period? {
        let chars = Array(t)
        guard chars.count == 7 || chars.count == 10, chars.count >= 7, chars[4] == "/",
              chars[0..<4].allSatisfy({ $0.isASCII && $0.isNumber }),
              chars[5..<7].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let startYear = Int(String(chars[0..<4]))!
        let yy = Int(String(chars[5..<7]))!
        let right = pad((startYear + 1) % 100, 2)
        if yy != (startYear + 1) % 100 {
            let rest = chars.count == 10 ? String(chars[7...]) : ""
            throw ParseError(message: "'\(t)' is not a financial year: \(startYear) is followed by \(right), so write '\(pad(startYear, 4))/\(right)\(rest)'")
        }
        if chars.count == 7 { return financialYear(startYear) }
        guard chars[7] == " ", chars[8] == "Q", let q = Int(String(chars[9])), (1...4).contains(q) else {
            if chars[7] == " ", chars[8] == "Q" {
                throw ParseError(message: "'\(t)' is not a financial quarter; quarters run from Q1 to Q4")
            }
            return nil
        }
        return financialQuarter(startYear, q)
    }

    /// A guess at what the author meant, for forms commonly typed by hand.
    static func suggestion(for t: String) -> String? {
        let s = t.trimmingCharacters(in: " \t")
        if s != t, (try? parse(s)) != nil { return s }
        // "Q1 19/20", "Q1 2019/20", "2019-20 Q1", "2019/2020 Q1", "q1 2019/20"
        let upper = s.uppercased()
        var quarter: Int?
        var rest = upper
        let tokens = upper.split(separator: " ")
        for token in tokens where token.count == 2 && token.first == "Q" {
            if let q = Int(String(token.last!)), (1...4).contains(q) {
                quarter = q
                rest = tokens.filter { $0 != token }.joined(separator: " ")
            }
        }
        let yearParts = rest.split(whereSeparator: { $0 == "/" || $0 == "-" })
        if yearParts.count == 2, let a = Int(yearParts[0]), let b = Int(yearParts[1]) {
            var start = a
            if yearParts[0].count == 2 { start = 2000 + a }
            let endOK = (yearParts[1].count == 2 && b == (start + 1) % 100)
                || (yearParts[1].count == 4 && b == start + 1)
            if endOK, (1...9998).contains(start) {
                let fy = "\(pad(start, 4))/\(pad((start + 1) % 100, 2))"
                return quarter.map { "\(fy) Q\($0)" } ?? fy
            }
        }
        // "Apr 2020", "April 2020", "04/2020"
        let words = s.split(separator: " ")
        if words.count == 2, let year = Int(words[1]), words[1].count == 4 {
            let name = words[0].prefix(3).lowercased()
            if let m = CivilDate.monthAbbreviations.firstIndex(where: { $0.lowercased() == name }) {
                return "\(pad(year, 4))-\(pad(m + 1, 2))"
            }
        }
        let slash = s.split(separator: "/")
        if slash.count == 2, let m = Int(slash[0]), let y = Int(slash[1]), slash[1].count == 4, (1...12).contains(m) {
            return "\(pad(y, 4))-\(pad(m, 2))"
        }
        if slash.count == 3, let d = Int(slash[0]), let m = Int(slash[1]), let y = Int(slash[2]), slash[2].count == 4,
           let date = CivilDate(year: y, month: m, day: d) {
            return date.description
        }
        return nil
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
