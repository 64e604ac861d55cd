/// The fixed suite: the book's analyses (Data Science on AWS, chapter 4) over both layouts of the reviews lake.
/// Every ORDER BY breaks ties so that engines must return the same order. A query Pintail cannot run yet stays in
/// the suite and is reported as unsupported, so it lights up when the engine grows.
enum QuerySuite {
    static var all: [BenchQuery] { tsv + parquet }

    static let tsv: [BenchQuery] = [
        BenchQuery(
            name: "tsv_count_by_category", layout: .tsv, summary: "book 3568: reviews per category (headline)",
            sql: """
                SELECT product_category, COUNT(star_rating) AS count_star_rating FROM reviews_tsv
                GROUP BY product_category ORDER BY count_star_rating DESC, product_category
                """, ordered: true),
        BenchQuery(
            name: "tsv_avg_rating_by_category", layout: .tsv, summary: "book 4200: average rating per category (headline)",
            sql: """
                SELECT product_category, AVG(star_rating) AS avg_star_rating FROM reviews_tsv
                GROUP BY product_category ORDER BY avg_star_rating DESC, product_category
                """, ordered: true),
        BenchQuery(
            name: "tsv_reviews_per_star", layout: .tsv, summary: "book 4313: reviews per star rating",
            sql: """
                SELECT star_rating, COUNT(*) AS count_reviews FROM reviews_tsv
                GROUP BY star_rating ORDER BY star_rating DESC
                """, ordered: true),
        BenchQuery(
            name: "tsv_avg_rating_per_year", layout: .tsv, summary: "book 4345 on text: year(date(review_date))",
            sql: """
                SELECT year(date(review_date)) AS review_year, ROUND(AVG(star_rating), 4) AS avg_rating
                FROM reviews_tsv GROUP BY year(date(review_date)) ORDER BY review_year
                """,
            duckdb: """
                SELECT year(CAST(review_date AS DATE)) AS review_year, ROUND(AVG(star_rating), 4) AS avg_rating
                FROM reviews_tsv GROUP BY year(CAST(review_date AS DATE)) ORDER BY review_year
                """,
            datafusion: """
                SELECT date_part('year', CAST(review_date AS DATE)) AS review_year, ROUND(AVG(star_rating), 4) AS avg_rating
                FROM reviews_tsv GROUP BY date_part('year', CAST(review_date AS DATE)) ORDER BY review_year
                """, ordered: true),
        BenchQuery(
            name: "tsv_selective_filter", layout: .tsv, summary: "few rows out of all: three predicates",
            sql: """
                SELECT review_id, product_id, star_rating, helpful_votes FROM reviews_tsv
                WHERE product_category = 'Gift_Card' AND star_rating = 1 AND helpful_votes >= 2
                """, ordered: false),
        BenchQuery(
            name: "tsv_distinct_customers", layout: .tsv, summary: "exact count(DISTINCT customer_id)",
            sql: "SELECT COUNT(DISTINCT customer_id) AS customers FROM reviews_tsv", ordered: true),
        BenchQuery(
            name: "tsv_approx_distinct_customers", layout: .tsv, summary: "approx_distinct(customer_id), agrees within 5%",
            sql: "SELECT approx_distinct(customer_id) AS customers FROM reviews_tsv",
            duckdb: "SELECT approx_count_distinct(customer_id) AS customers FROM reviews_tsv",
            ordered: true, tolerance: 0.05),
        BenchQuery(
            name: "tsv_top_products_having", layout: .tsv, summary: "top-N products with HAVING",
            sql: """
                SELECT product_id, COUNT(*) AS reviews, ROUND(AVG(star_rating), 4) AS avg_rating FROM reviews_tsv
                GROUP BY product_id HAVING COUNT(*) >= 20 ORDER BY reviews DESC, product_id LIMIT 20
                """, ordered: true),
        BenchQuery(
            name: "tsv_like_review_body", layout: .tsv, summary: "LIKE '%...%' over review_body",
            sql: """
                SELECT star_rating, COUNT(*) AS reviews FROM reviews_tsv WHERE review_body LIKE '%Very disappointed%'
                GROUP BY star_rating ORDER BY star_rating
                """, ordered: true),
        BenchQuery(
            name: "tsv_order_by_limit", layout: .tsv, summary: "ORDER BY helpful_votes DESC LIMIT 100",
            sql: """
                SELECT review_id, product_title, helpful_votes, total_votes FROM reviews_tsv
                ORDER BY helpful_votes DESC, review_id LIMIT 100
                """, ordered: true),
        BenchQuery(
            name: "tsv_words_per_review", layout: .tsv, summary: "book 4447: CARDINALITY(SPLIT(review_body, ' '))",
            sql: """
                SELECT star_rating, SUM(CARDINALITY(SPLIT(review_body, ' '))) AS words FROM reviews_tsv
                GROUP BY star_rating ORDER BY star_rating
                """,
            duckdb: """
                SELECT star_rating, SUM(len(string_split(review_body, ' '))) AS words FROM reviews_tsv
                GROUP BY star_rating ORDER BY star_rating
                """,
            datafusion: """
                SELECT star_rating, SUM(cardinality(string_to_array(review_body, ' '))) AS words FROM reviews_tsv
                GROUP BY star_rating ORDER BY star_rating
                """, ordered: true),
    ]

    static let parquet: [BenchQuery] = [
        BenchQuery(
            name: "pq_count_by_category", layout: .parquet, summary: "book 4220: reviews per category",
            sql: """
                SELECT product_category, COUNT(star_rating) AS count_star_rating FROM reviews_parquet
                GROUP BY product_category ORDER BY count_star_rating DESC, product_category
                """, ordered: true),
        BenchQuery(
            name: "pq_avg_rating_by_category", layout: .parquet, summary: "book 4200: average rating per category",
            sql: """
                SELECT product_category, AVG(star_rating) AS avg_star_rating FROM reviews_parquet
                GROUP BY product_category ORDER BY avg_star_rating DESC, product_category
                """, ordered: true),
        BenchQuery(
            name: "pq_partition_filter", layout: .parquet, summary: "one partition: product_category = '...'",
            sql: """
                SELECT star_rating, COUNT(*) AS reviews, ROUND(AVG(helpful_votes), 4) AS avg_helpful FROM reviews_parquet
                WHERE product_category = 'Digital_Video_Download' GROUP BY star_rating ORDER BY star_rating
                """, ordered: true),
        BenchQuery(
            name: "pq_avg_rating_per_year", layout: .parquet, summary: "book 4345: average rating per year",
            sql: """
                SELECT year, ROUND(AVG(star_rating), 4) AS avg_rating FROM reviews_parquet GROUP BY year ORDER BY year
                """, ordered: true),
        BenchQuery(
            name: "pq_categories_per_year", layout: .parquet, summary: "book 4379: IN list, GROUP BY two keys",
            sql: """
                SELECT product_category, year, ROUND(AVG(star_rating), 4) AS avg_rating_category FROM reviews_parquet
                WHERE product_category IN ('Books', 'Digital_Ebook_Purchase', 'Wireless', 'PC', 'Home')
                GROUP BY product_category, year ORDER BY year, product_category
                """, ordered: true),
        BenchQuery(
            name: "pq_distinct_customers", layout: .parquet, summary: "exact count(DISTINCT customer_id)",
            sql: "SELECT COUNT(DISTINCT customer_id) AS customers FROM reviews_parquet", ordered: true),
        BenchQuery(
            name: "pq_approx_distinct_customers", layout: .parquet, summary: "approx_distinct(customer_id), within 5%",
            sql: "SELECT approx_distinct(customer_id) AS customers FROM reviews_parquet",
            duckdb: "SELECT approx_count_distinct(customer_id) AS customers FROM reviews_parquet",
            ordered: true, tolerance: 0.05),
        BenchQuery(
            name: "pq_top_products_having", layout: .parquet, summary: "top-N products with HAVING",
            sql: """
                SELECT product_id, COUNT(*) AS reviews, ROUND(AVG(star_rating), 4) AS avg_rating FROM reviews_parquet
                GROUP BY product_id HAVING COUNT(*) >= 20 ORDER BY reviews DESC, product_id LIMIT 20
                """, ordered: true),
        BenchQuery(
            name: "pq_like_review_body", layout: .parquet, summary: "LIKE '%...%' over review_body",
            sql: """
                SELECT star_rating, COUNT(*) AS reviews FROM reviews_parquet WHERE review_body LIKE '%Very disappointed%'
                GROUP BY star_rating ORDER BY star_rating
                """, ordered: true),
        BenchQuery(
            name: "pq_order_by_limit", layout: .parquet, summary: "ORDER BY helpful_votes DESC LIMIT 100",
            sql: """
                SELECT review_id, product_title, helpful_votes, total_votes FROM reviews_parquet
                ORDER BY helpful_votes DESC, review_id LIMIT 100
                """, ordered: true),
        BenchQuery(
            name: "pq_join", layout: .parquet, summary: "join reviews to their popular products",
            sql: """
                SELECT COUNT(*) AS reviews, ROUND(AVG(r.star_rating), 4) AS avg_rating FROM reviews_parquet r
                JOIN (SELECT product_id FROM reviews_parquet GROUP BY product_id HAVING COUNT(*) >= 20) p
                  ON r.product_id = p.product_id
                """, ordered: true),
        BenchQuery(
            name: "pq_window_top3", layout: .parquet, summary: "row_number() top 3 products per category",
            sql: """
                SELECT product_category, product_id, reviews FROM (
                  SELECT product_category, product_id, COUNT(*) AS reviews,
                         row_number() OVER (PARTITION BY product_category ORDER BY COUNT(*) DESC, product_id) AS rn
                  FROM reviews_parquet GROUP BY product_category, product_id) t
                WHERE rn <= 3 ORDER BY product_category, rn
                """, ordered: true),
    ]
}
