// PintailCodecs: work in progress.
