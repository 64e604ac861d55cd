// PintailText: work in progress.
