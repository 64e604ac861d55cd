-- Presto and Hive type spellings.
SELECT CAST(a AS boolean), CAST(a AS tinyint), CAST(a AS smallint), CAST(a AS integer), CAST(a AS int), CAST(a AS bigint);
SELECT CAST(a AS real), CAST(a AS double), CAST(a AS double precision), CAST(a AS decimal(38,9)), CAST(a AS varchar), CAST(a AS varchar(10));
SELECT CAST(a AS char(3)), CAST(a AS varbinary), CAST(a AS date), CAST(a AS time), CAST(a AS timestamp), CAST(a AS timestamp(3));
SELECT CAST(a AS timestamp(3) with time zone), CAST(a AS map(varchar, bigint)), CAST(a AS row(x bigint, y varchar)), CAST(a AS json), CAST(a AS HyperLogLog);
CREATE EXTERNAL TABLE typed (a string, b float, c binary, d array<string>, e map<string,int>, f struct<x:int,y:array<string>>, g decimal(10,2), h map<string,array<int>>);
