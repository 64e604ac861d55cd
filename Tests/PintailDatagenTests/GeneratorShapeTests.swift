import Testing
@testable import pintail_datagen

/// Rows of every category in proportion to the real dataset, generated in memory.
private struct Sample {
    var stars: [Int32] = []
    var years: [Int32] = []
    var days: [Int32] = []
    var totalVotes: [Int32] = []
    var customers: [String: Int] = [:]
    var reviewIds = Set<String>()
    var bodies: [(star: Int32, text: String)] = []

    init(rows: Int, seed: UInt64 = 42) {
        let counts = ReviewCategory.apportion(total: rows)
        var batch = ReviewBatch()
        defer { batch.deallocate() }
        for (index, category) in ReviewCategory.all.enumerated() {
            var generator = ReviewGenerator(category: category, index: index, seed: seed, categoryRows: counts[index],
                                            totalRows: rows)
            var remaining = counts[index]
            while remaining > 0 {
                let n = min(4096, remaining)
                generator.fill(&batch, rows: n)
                for i in 0..<n {
                    stars.append(batch.starRating[i])
                    years.append(batch.year[i])
                    days.append(batch.reviewDate[i])
                    totalVotes.append(batch.totalVotes[i])
                    customers[text(batch.customerId, i), default: 0] += 1
                    reviewIds.insert(text(batch.reviewId, i))
                    bodies.append((batch.starRating[i], text(batch.reviewBody, i)))
                }
                remaining -= n
            }
        }
    }
}

func text(_ column: TextColumn, _ i: Int) -> String {
    let start = Int(column.offsets[i]), end = Int(column.offsets[i + 1])
    return String(decoding: UnsafeBufferPointer(rebasing: column.bytes.buffer[start..<end]), as: UTF8.self)
}

@Suite struct GeneratorShapeTests {
    private static let sample = Sample(rows: 30_000)

    @Test func categoriesAreUnequalWithTheDatasetsLargestFirst() {
        let counts = ReviewCategory.apportion(total: 100_000)
        #expect(counts.count == 43)
        #expect(counts.reduce(0, +) == 100_000)
        let names = ReviewCategory.all.map(\.name)
        let largest = counts.indices.sorted { counts[$0] > counts[$1] }.prefix(2).map { names[$0] }
        #expect(largest == ["Digital_Ebook_Purchase", "Books"])
        #expect(counts.min()! >= 1 && counts.max()! > 50 * counts.min()!)
        #expect(ReviewCategory.apportion(total: 1000).allSatisfy { $0 >= 1 })
    }

    @Test func aboutSixtyTwoPercentFiveStars() {
        let stars = Self.sample.stars
        let five = Double(stars.filter { $0 == 5 }.count) / Double(stars.count)
        #expect(five > 0.57 && five < 0.67, "five-star share \(five)")
        #expect(stars.allSatisfy { (1...5).contains($0) })
        #expect(Set(stars).count == 5)
    }

    @Test func datesRunFrom1995To2015AndGrowSteeply() {
        let sample = Self.sample
        #expect(sample.years.min()! >= 1995 && sample.years.max()! == 2015)
        let lastDay = Int32(CivilDate.days(year: 2015, month: 8, day: 31))
        let firstDay = Int32(CivilDate.days(year: 1995, month: 1, day: 1))
        #expect(sample.days.allSatisfy { $0 >= firstDay && $0 <= lastDay })
        for (day, year) in zip(sample.days, sample.years).prefix(1000) {
            #expect(CivilDate.civil(days: Int(day)).year == Int(year))
        }
        let in2005 = sample.years.filter { $0 == 2005 }.count
        let in2014 = sample.years.filter { $0 == 2014 }.count
        #expect(in2014 > 5 * in2005, "2005: \(in2005), 2014: \(in2014)")
    }

    @Test func votesAreHeavyTailed() {
        let votes = Self.sample.totalVotes
        let none = Double(votes.filter { $0 == 0 }.count) / Double(votes.count)
        #expect(none > 0.5 && none < 0.9, "share without votes \(none)")
        #expect(votes.max()! >= 100)
        #expect(votes.allSatisfy { $0 >= 0 && $0 <= 25_000 })
    }

    @Test func customersAreZipfLikeAndReviewIdsUnique() {
        let sample = Self.sample
        let top = sample.customers.values.max()!
        #expect(sample.customers.count > 1000)
        #expect(top > sample.stars.count / 100, "most active customer: \(top) reviews")
        #expect(sample.reviewIds.count == sample.stars.count)
    }

    @Test func textCarriesTheSentimentAndLengthsAreHeavyTailed() {
        let bodies = Self.sample.bodies
        #expect(!bodies.contains { $0.star == 1 && $0.text.contains("excellent") })
        #expect(!bodies.contains { $0.star == 5 && $0.text.contains("terrible") })
        let negative = bodies.filter { $0.star == 1 }
        let saysSo = negative.filter { body in
            ["terrible", "awful", "horrible", "useless", "broken", "worst", "waste", "junk", "defective", "garbage",
             "disappointment", "cheaply", "rip-off", "disappointing", "poor", "flimsy", "weak", "cheap", "annoying",
             "below average", "not worth", "overpriced", "unreliable", "mediocre"].contains { body.text.contains($0) }
        }
        #expect(Double(saysSo.count) > 0.6 * Double(negative.count))
        let lengths = bodies.map(\.text.utf8.count).sorted()
        #expect(lengths[lengths.count / 2] > 40)
        #expect(lengths.last! > 8 * lengths[lengths.count / 2])
        #expect(!bodies.contains { $0.text.contains("\t") || $0.text.contains("\n") })
    }

    @Test func sameSeedSameRowsOtherSeedOtherRows() {
        func rows(seed: UInt64, part: Int = 0) -> [String] {
            var batch = ReviewBatch()
            defer { batch.deallocate() }
            var generator = ReviewGenerator(category: ReviewCategory.all[4], index: 4, seed: seed, categoryRows: 5000,
                                            totalRows: 50_000, part: part, firstRow: part * 5000)
            generator.fill(&batch, rows: 500)
            return (0..<500).map { text(batch.reviewId, $0) + text(batch.productTitle, $0) + text(batch.reviewBody, $0) }
        }
        #expect(rows(seed: 7) == rows(seed: 7))
        #expect(rows(seed: 7) != rows(seed: 8))
        // Later parts have their own stream and their own review ids.
        #expect(Set(rows(seed: 7)).isDisjoint(with: rows(seed: 7, part: 1)))
    }
}

/// TSV alone is written straight from the generator; with Parquet it is formatted from the batch's columns. Both
/// must give the same text.
@Suite struct TSVPathTests {
    @Test func directLinesEqualLinesFromTheBatch() {
        for index in [4, 6, 20] {
            let category = ReviewCategory.all[index]
            func generator() -> ReviewGenerator {
                ReviewGenerator(category: category, index: index, seed: 9, categoryRows: 3000, totalRows: 30_000)
            }
            var direct = TSVRowWriter(category: category.name)
            var fromBatch = TSVRowWriter(category: category.name)
            var batch = ReviewBatch()
            defer {
                direct.deallocate()
                fromBatch.deallocate()
                batch.deallocate()
            }
            var a = generator(), b = generator()
            for _ in 0..<3 {
                a.append(rows: 1000, to: &direct)
                b.fill(&batch, rows: 1000)
                batch.appendTSV(to: &fromBatch)
            }
            let text = Array(direct.line.buffer)
            #expect(text == Array(fromBatch.line.buffer), "\(category.name)")
            #expect(text.filter { $0 == 0x0A }.count == 3000)
            #expect(String(decoding: text.prefix(3), as: UTF8.self) == "US\t")
        }
    }
}
