// PintailML: work in progress.
