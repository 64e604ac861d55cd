// PintailEngine: work in progress.
