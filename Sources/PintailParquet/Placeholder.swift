// PintailParquet: work in progress.
