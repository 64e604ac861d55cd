// PintailExecution: work in progress.
