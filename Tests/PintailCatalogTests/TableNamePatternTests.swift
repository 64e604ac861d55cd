import Testing
@testable import PintailCatalog

@Suite struct TableNamePatternTests {
    @Test(arguments: [
        ("*", "anything", true),
        ("*", "", true),
        ("orders", "orders", true),
        ("orders", "orders2", false),
        ("ORDERS", "orders", true),
        ("amazon*", "amazon_reviews", true),
        ("amazon*", "an_amazon", false),
        ("*tsv", "amazon_reviews_tsv", true),
        ("*tsv", "tsv_backup", false),
        ("a*b*c", "abc", true),
        ("a*b*c", "axxbyyc", true),
        ("a*b*c", "acb", false),
        ("ab*ba", "aba", false),
        ("*_*", "a_b", true),
        ("orders|items", "items", true),
        ("orders | items", "items", true),
        ("orders|items", "order", false),
        ("sales%", "sales_2015", true),
        ("a.b", "axb", false),
    ])
    func pattern(_ pattern: String, _ name: String, _ expected: Bool) {
        #expect(TableNamePattern(pattern).matches(name) == expected)
    }
}
