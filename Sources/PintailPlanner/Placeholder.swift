// PintailPlanner: work in progress.
