// PintailCatalog: work in progress.
