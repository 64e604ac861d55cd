// PintailSQL: work in progress.
