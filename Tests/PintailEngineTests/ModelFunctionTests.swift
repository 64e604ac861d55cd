import PintailCore
import PintailEngine
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// USING FUNCTION end to end on the fetched built-in model (Scripts/setup.sh fetches it into ~/.pintail).
struct ModelFunctionTests {
    static var modelFetched: Bool {
        let home = String(cString: getenv("HOME"))
        return access(home + "/.pintail/models/all-MiniLM-L6-v2/sentiment-head.safetensors", R_OK) == 0
    }

    @Test func theBooksSentimentQueryRunsInline() throws {
        guard Self.modelFetched else {
            print("ModelFunctionTests skipped: the built-in model is not fetched (run Scripts/setup.sh)")
            return
        }
        let home = makeTemporaryFolder()
        defer { removeTree(home) }
        let session = try Engine(options: EngineOptions(home: home)).makeSession()
        let fixtures = SQLLogicRunner.testsFolder + "/Fixtures/lake/reviews"
        _ = try session.execute("""
            CREATE EXTERNAL TABLE reviews (review_id string, category string, star_rating int, helpful_votes int,
              review_body string, review_date date)
            ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '\(fixtures)'
            TBLPROPERTIES ('skip.header.line.count'='1')
            """)
        let results = try session.execute("""
            USING FUNCTION predict_sentiment(review_body VARCHAR(65535))
            RETURNS VARCHAR(10) TYPE
            SAGEMAKER_INVOKE_ENDPOINT WITH (sagemaker_endpoint = 'sentiment')
            SELECT review_id, predict_sentiment(review_body) AS sentiment
            FROM reviews
            WHERE predict_sentiment(review_body) IN ('POSITIVE', 'NEGATIVE', 'NEUTRAL')
            ORDER BY review_id
            """)
        let rows = results[0].rows()
        #expect(rows.count == 7)
        let label = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[1]) })
        #expect(label[.string("R1")] == .string("POSITIVE"))   // "Great book, loved it"
        #expect(label[.string("R2")] == .string("NEGATIVE"))   // "Terrible binding"

        let stars = try session.execute("""
            USING EXTERNAL FUNCTION stars(t VARCHAR) RETURNS INTEGER SAGEMAKER 'star_rating'
            SELECT stars(review_body), stars(NULL) FROM reviews WHERE review_id = 'R1'
            """)[0].rows()
        #expect(stars.count == 1)
        if case .int(let s) = stars[0][0] { #expect(s >= 4) } else { Issue.record("stars() did not return an integer") }
        #expect(stars[0][1] == .null)
    }
}
