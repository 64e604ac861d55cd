// PintailCore: work in progress.
